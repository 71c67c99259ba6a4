using System.Globalization;
using AidDirectory.Search.Indexing;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// The other names of a community area that a reader can read: those written in their language's script
/// first (唐人街 for a reader of Chinese), then those in Latin script, as on the street signs ("La Villita",
/// "Wicker Park"). A name in a third script is left out (an English reader is not shown Arabic).
/// </summary>
public static class NeighborhoodNames
{
    /// <summary>How many other names stand beside the official one in a list of neighbourhoods.</summary>
    public const int Beside = 2;

    public static IReadOnlyList<string> For(Place area, string language)
    {
        ArgumentNullException.ThrowIfNull(area);
        var script = ScriptOf(language);
        return area.Names.Where(n => ScriptOfName(n) == script)
            .Concat(script == Script.Latin ? [] : area.Names.Where(n => ScriptOfName(n) == Script.Latin))
            .ToList();
    }

    /// <summary>"La Villita / Little Village": the first names a reader of <paramref name="language"/> can read; null when there are none.</summary>
    public static string? Popular(Place area, string language) =>
        For(area, language) is { Count: > 0 } names ? string.Join(" / ", names.Take(Beside)) : null;

    private enum Script { Latin, Han, Arabic, Other }

    private static Script ScriptOf(string language) => language.Split('-')[0] switch
    {
        "zh" or "ja" => Script.Han,
        "ar" or "fa" or "ur" => Script.Arabic,
        _ => Script.Latin,
    };

    // A name's script is that of its first letter.
    private static Script ScriptOfName(string name)
    {
        foreach (var c in name)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }

            return c switch
            {
                < '\u0250' => Script.Latin,
                (>= '\u0600' and <= '\u06FF') or (>= '\u0750' and <= '\u077F') or (>= '\u08A0' and <= '\u08FF') or (>= '\uFB50' and <= '\uFDFF') or (>= '\uFE70' and <= '\uFEFF') => Script.Arabic,
                _ when char.GetUnicodeCategory(c) == UnicodeCategory.OtherLetter && c >= '\u2E80' => Script.Han,
                _ => Script.Other,
            };
        }

        return Script.Other;
    }
}
