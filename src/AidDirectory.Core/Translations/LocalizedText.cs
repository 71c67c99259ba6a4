namespace AidDirectory.Core.Translations;

/// <summary>
/// Text given per language (ISO 639-1 code to text). Reading falls back to the language the text was
/// written in, and the caller is told which language it got so the page can say so.
/// </summary>
public sealed class LocalizedText
{
    public static LocalizedText Empty { get; } = new(new Dictionary<string, string>());

    public LocalizedText(IReadOnlyDictionary<string, string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        Values = values
            .Where(pair => !string.IsNullOrWhiteSpace(pair.Value))
            .ToDictionary(pair => pair.Key.ToLowerInvariant(), pair => pair.Value.Trim(), StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, string> Values { get; }

    public string? this[string language] => Values.GetValueOrDefault(language);

    /// <summary>The text in <paramref name="language"/>, else in <paramref name="fallback"/>, else null.</summary>
    public Translated? For(string language, string fallback) =>
        Values.TryGetValue(language, out var text) ? new Translated(text, language)
        : Values.TryGetValue(fallback, out var original) ? new Translated(original, fallback)
        : null;
}
