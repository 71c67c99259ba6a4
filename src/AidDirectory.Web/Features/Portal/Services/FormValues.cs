using System.Globalization;
using AidDirectory.Core.Moderation;
using NodaTime;
using NodaTime.Text;

namespace AidDirectory.Web.Features.Portal.Services;

/// <summary>
/// Reading a form's text fields: blank is null, and a value that cannot be read is reported under its
/// field's name with an example of what would do.
/// </summary>
internal static class FormValues
{
    public static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    public static readonly LocalTimePattern[] TimePatterns = [LocalTimePattern.CreateWithInvariantCulture("HH:mm"), LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"), LocalTimePattern.CreateWithInvariantCulture("H:mm")];

    public static string[] Parts(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    public static LocalDate? Date(string? text, string field, Action<string, string> problem)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        var parsed = DatePattern.Parse(value);
        if (!parsed.Success)
        {
            problem(field, $"“{value}” is not a date; use the date picker or write it as 2026-12-24.");
            return null;
        }

        return parsed.Value;
    }

    public static LocalTime? Time(string? text, string field, Action<string, string> problem)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        foreach (var pattern in TimePatterns)
        {
            if (pattern.Parse(value) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        problem(field, $"“{value}” is not a time; write it as 09:00 or 17:30.");
        return null;
    }

    public static double? Number(string? text, string field, Action<string, string> problem)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        problem(field, $"“{value}” is not a number like 41.9389.");
        return null;
    }

    /// <summary>Language codes typed with commas or spaces between them, lower-cased, each once; <see cref="ServiceDraftRules"/> checks them.</summary>
    public static List<string> LanguageCodes(string? text) =>
        (text ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(code => code.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
}
