using AidDirectory.Search.Analysis;
using AidDirectory.Search.Indexing;

namespace AidDirectory.Search.Querying;

/// <summary>
/// Reads what a resident typed: a ZIP code or neighbourhood name becomes the place, "free" in any
/// language becomes the free filter, category words ("comida", "abogado") become categories, and the
/// rest is text. "comida gratis 60629" is food, free, near 60629. A place's name is not a topic: its words
/// (<see cref="PlaceWords"/>) may rank a listing named for the neighbourhood first, never admit one.
/// </summary>
public sealed record QueryWords(IReadOnlyList<string> Words, IReadOnlyList<string> Categories, Place? Place, bool Free)
{
    /// <summary>The folded words of the neighbourhood's name as typed ("albany park"), kept out of <see cref="Words"/>.</summary>
    public IReadOnlyList<string> PlaceWords { get; init; } = [];

    /// <summary>What was typed, without the place's name: the text the Chinese and Arabic analyzers read.</summary>
    public string? Unplaced { get; init; }

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
        text ??= "";
        Place? place = null;
        var placeWords = new List<string>();
        // A Chinese name runs into the words around it ("食物唐人街"): found as a substring, before folding.
        if (placeNames.FindWithin(text) is var (within, name))
        {
            place = within;
            placeWords.AddRange(analyzers.Fold(name));
            text = text.Replace(name, " ", StringComparison.Ordinal);
        }

        var unplaced = text;
        var folded = analyzers.Fold(text).ToList();
        var categories = new List<string>();
        var words = new List<string>();
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
                        placeWords.AddRange(folded.Skip(i).Take(n)); // "Albany Park Library" is named for its neighbourhood
                        unplaced = RemoveName(unplaced, found);
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
        return new QueryWords(words, categories, place, isFree) { PlaceWords = placeWords, Unplaced = unplaced };
    }

    // The analyzers of whole texts (Chinese bigrams, Arabic stems) read the words without the place's name.
    private static string RemoveName(string text, Place place)
    {
        foreach (var name in place.Names.Prepend(place.Name).OrderByDescending(n => n.Length))
        {
            if (text.Contains(name, StringComparison.OrdinalIgnoreCase))
            {
                return text.Replace(name, " ", StringComparison.OrdinalIgnoreCase);
            }
        }

        return text;
    }
}
