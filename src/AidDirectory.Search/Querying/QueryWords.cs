using AidDirectory.Search.Analysis;
using AidDirectory.Search.Indexing;

namespace AidDirectory.Search.Querying;

/// <summary>
/// Reads what a resident typed: a ZIP code or neighbourhood name becomes the place, "free" in any
/// language becomes the free filter, category words ("comida", "abogado") become categories, and the
/// rest is text. "comida gratis 60629" is food, free, near 60629.
/// </summary>
public sealed record QueryWords(IReadOnlyList<string> Words, IReadOnlyList<string> Categories, Place? Place, bool Free)
{
    private static readonly string[] FreeWords =
        ["free", "no cost", "gratis", "gratuito", "gratuita", "sin costo", "darmowe", "darmowy", "darmowa", "bezplatne", "bezplatny", "bezplatna", "免 费", "免 費", "مجاني", "مجانا", "مجانية"];

    /// <summary>The folded forms of "free" in our languages; made once per index, not per query.</summary>
    public static IReadOnlySet<string> FoldedFreeWords(LanguageAnalyzers analyzers)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        return FreeWords.Select(w => string.Join(' ', analyzers.Fold(w))).ToHashSet(StringComparer.Ordinal);
    }

    public static QueryWords Read(string text, LanguageAnalyzers analyzers, CategoryVocabulary vocabulary, PlaceNames placeNames, IReadOnlySet<string> free)
    {
        ArgumentNullException.ThrowIfNull(analyzers);
        ArgumentNullException.ThrowIfNull(vocabulary);
        ArgumentNullException.ThrowIfNull(placeNames);
        ArgumentNullException.ThrowIfNull(free);
        var folded = analyzers.Fold(text ?? "").ToList();
        var categories = new List<string>();
        var words = new List<string>();
        Place? place = null;
        var isFree = false;
        var longest = Math.Max(Math.Max(vocabulary.LongestPhrase, placeNames.LongestName), 2);
        for (var i = 0; i < folded.Count;)
        {
            var taken = 0;
            for (var n = Math.Min(longest, folded.Count - i); n >= 1 && taken == 0; n--)
            {
                var phrase = string.Join(' ', folded.Skip(i).Take(n));
                if (free.Contains(phrase))
                {
                    isFree = true;
                    taken = n;
                }
                else if (place is null && placeNames.Find(phrase) is { } found)
                {
                    place = found;
                    if (found.Kind == Place.Area)
                    {
                        words.AddRange(folded.Skip(i).Take(n)); // still text: "Albany Park Library" is named for its neighbourhood
                    }

                    taken = n;
                }
                else if (vocabulary.Find(phrase) is { Count: > 0 } codes)
                {
                    categories.AddRange(codes.Where(c => !categories.Contains(c)));
                    words.AddRange(folded.Skip(i).Take(n)); // still text: "legal aid" should also match names
                    taken = n;
                }
            }

            if (taken == 0)
            {
                categories.AddRange(vocabulary.FindNear(folded[i]).Where(c => !categories.Contains(c)));
                words.Add(folded[i]);
                taken = 1;
            }

            i += taken;
        }

        // "comida gratis" may itself be a food synonym; "gratis" still means free.
        isFree = isFree || folded.Any(free.Contains);
        return new QueryWords(words, categories, place, isFree);
    }
}
