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

    public bool IsCategory(string code) => Categories.Any(c => c.Code == code);
}
