namespace AidDirectory.Core;

/// <summary>Shortens generated text (titles, subjects, audit reasons) to what its column holds, marking the cut.</summary>
public static class TextClip
{
    public static string Clip(this string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
    }
}
