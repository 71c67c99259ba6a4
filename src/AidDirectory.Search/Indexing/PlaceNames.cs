using AidDirectory.Search.Analysis;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// Finds ZIP codes and neighbourhood names, accent- and case-insensitively, by their folded words
/// ("la villita", "pilsen", "60629").
/// </summary>
public sealed class PlaceNames
{
    private readonly Dictionary<string, Place> _byWords;
    private readonly Dictionary<int, string> _areaNames;

    public PlaceNames(IEnumerable<Place> places, LanguageAnalyzers analyzers)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(analyzers);
        Places = places.ToList();
        _byWords = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in Places)
        {
            foreach (var name in place.Names.Prepend(place.Name).Prepend(place.Key))
            {
                _byWords.TryAdd(string.Join(' ', analyzers.Fold(name)), place);
            }
        }

        _areaNames = Places.Where(p => p.Kind == Place.Area && p.CommunityArea is not null)
            .GroupBy(p => p.CommunityArea!.Value).ToDictionary(g => g.Key, g => g.First().Name);
        LongestName = _byWords.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public IReadOnlyList<Place> Places { get; }

    public int LongestName { get; }

    public Place? Find(string foldedWords) => _byWords.GetValueOrDefault(foldedWords);

    public Place? Zip(string code) => Places.FirstOrDefault(p => p.Kind == Place.Zip && p.Key == code);

    /// <summary>The name of community area <paramref name="number"/>, or null when there is none.</summary>
    public string? AreaName(int number) => _areaNames.GetValueOrDefault(number);

    public Place? Area(string slugOrName) => Places.FirstOrDefault(p => p.Kind == Place.Area && p.Key == slugOrName);
}
