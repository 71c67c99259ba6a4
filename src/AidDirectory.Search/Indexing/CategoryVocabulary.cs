using AidDirectory.Core.Taxonomy;
using AidDirectory.Search.Analysis;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// The words residents use for each category, in every language the taxonomy gives (its names and
/// synonyms), folded: "comida", "despensa", "zywnosc", "食 物" and "طعام" all mean food.
/// </summary>
public sealed class CategoryVocabulary
{
    private readonly Dictionary<string, HashSet<string>> _byWords = new(StringComparer.Ordinal);

    public CategoryVocabulary(IEnumerable<TaxonomyTerm> categories, LanguageAnalyzers analyzers)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(analyzers);
        Categories = categories.ToList();
        foreach (var category in Categories)
        {
            var words = category.Names.Values.Values.Concat(category.Synonyms.Values.SelectMany(s => s));
            foreach (var phrase in words)
            {
                var folded = string.Join(' ', analyzers.Fold(phrase));
                if (folded.Length == 0)
                {
                    continue;
                }

                if (!_byWords.TryGetValue(folded, out var codes))
                {
                    _byWords[folded] = codes = new HashSet<string>(StringComparer.Ordinal);
                }

                codes.Add(category.Code);
            }
        }

        LongestPhrase = _byWords.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public IReadOnlyList<TaxonomyTerm> Categories { get; }

    public int LongestPhrase { get; }

    public IReadOnlyCollection<string> Find(string foldedWords) =>
        _byWords.TryGetValue(foldedWords, out var codes) ? codes : [];

    /// <summary>
    /// A category word typed with one slip ("abogdo", "comdia"): words of five letters or more within one
    /// edit (two for ten letters or more) of a single-word synonym.
    /// </summary>
    public IReadOnlyCollection<string> FindNear(string foldedWord)
    {
        ArgumentNullException.ThrowIfNull(foldedWord);
        if (foldedWord.Length < 5)
        {
            return [];
        }

        var allowed = foldedWord.Length >= 10 ? 2 : 1;
        return _byWords
            .Where(p => !p.Key.Contains(' ', StringComparison.Ordinal) && Math.Abs(p.Key.Length - foldedWord.Length) <= allowed && Edits(p.Key, foldedWord, allowed) <= allowed)
            .SelectMany(p => p.Value)
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    // Optimal string alignment distance (Damerau-Levenshtein with adjacent swaps), stopping past the limit.
    private static int Edits(string a, string b, int limit)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            var best = int.MaxValue;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }

                best = Math.Min(best, d[i, j]);
            }

            if (best > limit)
            {
                return best;
            }
        }

        return d[a.Length, b.Length];
    }

    public bool IsCategory(string code) => Categories.Any(c => c.Code == code);
}
