using AidDirectory.Search.Analysis;
using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// Finds ZIP codes and neighbourhood names, accent- and case-insensitively, by their folded words
/// ("la villita", "pilsen", "60629"), and names written without spaces ("唐人街") anywhere in a text.
/// An official name means its own area only; another name shared by several areas (a neighbourhood that
/// spans them) means all of them.
/// </summary>
public sealed class PlaceNames
{
    private readonly Dictionary<string, Place> _byWords;
    private readonly Dictionary<int, string> _areaNames;
    private readonly List<(string Name, Place Place)> _unspaced;

    public PlaceNames(IEnumerable<Place> places, LanguageAnalyzers analyzers)
    {
        ArgumentNullException.ThrowIfNull(places);
        ArgumentNullException.ThrowIfNull(analyzers);
        Places = places.ToList();
        _byWords = new Dictionary<string, Place>(StringComparer.Ordinal);
        foreach (var place in Places)
        {
            foreach (var name in new[] { place.Key, place.Name })
            {
                _byWords.TryAdd(Key(analyzers, name), place);
            }
        }

        // Other names after every official one, so "Englewood" stays area 68 although a neighbourhood of
        // that name reaches into West Englewood; a name several areas share means them all.
        var others = new Dictionary<string, List<(string Name, Place Place)>>(StringComparer.Ordinal);
        foreach (var place in Places)
        {
            foreach (var name in place.Names)
            {
                var key = Key(analyzers, name);
                if (key.Length > 0 && !_byWords.ContainsKey(key))
                {
                    (others.TryGetValue(key, out var list) ? list : others[key] = []).Add((name, place));
                }
            }
        }

        foreach (var (key, named) in others)
        {
            _byWords[key] = named.Select(n => n.Place).Distinct().Count() == 1 ? named[0].Place : Spanning(key, named);
        }

        _unspaced = Places.SelectMany(p => p.Names.Prepend(p.Name).Where(IsUnspaced).Select(n => (n, Find(Key(analyzers, n)) ?? p)))
            .DistinctBy(n => n.Item1, StringComparer.Ordinal)
            .OrderByDescending(n => n.Item1.Length)
            .ToList();
        _areaNames = Places.Where(p => p.Kind == Place.Area && p.CommunityArea is not null)
            .GroupBy(p => p.CommunityArea!.Value).ToDictionary(g => g.Key, g => g.First().Name);
        LongestName = _byWords.Keys.Select(k => k.Count(c => c == ' ') + 1).DefaultIfEmpty(1).Max();
    }

    public IReadOnlyList<Place> Places { get; }

    public int LongestName { get; }

    public Place? Find(string foldedWords) => _byWords.GetValueOrDefault(foldedWords);

    /// <summary>
    /// The longest place name written in a script without spaces between words (Chinese, Japanese) that
    /// <paramref name="text"/> contains, wherever it stands: "食物唐人街" holds "唐人街".
    /// </summary>
    public (Place Place, string Name)? FindWithin(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var (name, place) in _unspaced)
        {
            if (text.Contains(name, StringComparison.Ordinal))
            {
                return (place, name);
            }
        }

        return null;
    }

    public Place? Zip(string code) => Places.FirstOrDefault(p => p.Kind == Place.Zip && p.Key == code);

    /// <summary>The name of community area <paramref name="number"/>, or null when there is none.</summary>
    public string? AreaName(int number) => _areaNames.GetValueOrDefault(number);

    public Place? Area(string slugOrName) => Places.FirstOrDefault(p => p.Kind == Place.Area && p.Key == slugOrName);

    private static string Key(LanguageAnalyzers analyzers, string name) => string.Join(' ', analyzers.Fold(name));

    // Ideographs, kana and hangul: names in these scripts run into the words around them.
    private static bool IsUnspaced(string name) => name.Any(c => c is (>= '\u2E80' and <= '\uD7FF') or (>= '\uF900' and <= '\uFAFF'));

    // A name shared by several areas: the place is all of them, centred between their centres.
    private static Place Spanning(string key, List<(string Name, Place Place)> named)
    {
        var areas = named.Select(n => n.Place).Distinct().ToList();
        var centre = areas[0].Point.Factory.CreatePoint(new Coordinate(areas.Average(a => a.Point.X), areas.Average(a => a.Point.Y)));
        return new Place(Place.Area, key.Replace(' ', '-'), named[0].Name, centre, null, [])
        {
            CommunityAreas = areas.SelectMany(a => a.CommunityAreas).Distinct().Order().ToList(),
        };
    }
}
