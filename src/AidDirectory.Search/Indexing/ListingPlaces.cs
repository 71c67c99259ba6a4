using Lucene.Net.Util;
using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// Where the listed listings are, kept in memory for place questions: their shown points sorted by
/// longitude (a box is a binary search and one slice of the city), the listings placed in each community
/// area, and the few that name a service area. Only shown points are kept, so an approximate place
/// stays approximate. Built once per change of the index.
/// </summary>
internal sealed class ListingPlaces
{
    private readonly IndexedListing[] _listings;
    private readonly long[] _ordinals;
    private readonly double[] _longitudes;
    private readonly Dictionary<int, long[]> _byArea;
    private readonly long[] _serving;
    private readonly int _ordinalCount;

    /// <param name="byOrdinal">Each listed listing at its ordinal, null where none is.</param>
    public ListingPlaces(IndexedListing?[] byOrdinal)
    {
        _ordinalCount = byOrdinal.Length;
        var placed = Enumerable.Range(0, byOrdinal.Length)
            .Where(i => byOrdinal[i]?.Location is { Longitude: not null, Latitude: not null })
            .OrderBy(i => byOrdinal[i]!.Location!.Longitude!.Value)
            .ToArray();
        _listings = placed.Select(i => byOrdinal[i]!).ToArray();
        _ordinals = placed.Select(i => (long)i).ToArray();
        _longitudes = _listings.Select(l => l.Location!.Longitude!.Value).ToArray();
        _byArea = Enumerable.Range(0, byOrdinal.Length)
            .Where(i => byOrdinal[i]?.Location?.CommunityAreaNumber is not null)
            .GroupBy(i => byOrdinal[i]!.Location!.CommunityAreaNumber!.Value)
            .ToDictionary(g => g.Key, g => g.Select(i => (long)i).ToArray());
        _serving = Enumerable.Range(0, byOrdinal.Length)
            .Where(i => byOrdinal[i]?.Service.ServiceAreas.Count > 0)
            .Select(i => (long)i)
            .ToArray();
    }

    /// <summary>
    /// The ordinals of listings that can be within <paramref name="radiusKm"/> of the point: those in a box
    /// a little larger than the circle, those in the place's community areas, and those with a service area.
    /// A superset; the search measures each one exactly.
    /// </summary>
    public FixedBitSet Near(Point origin, double radiusKm, IReadOnlyList<int> communityAreas)
    {
        ArgumentNullException.ThrowIfNull(origin);
        // A degree of latitude is at least 110.5 km; a degree of longitude is narrowest at the box's edge
        // farthest from the equator.
        var latitudeDegrees = radiusKm / 110.5 * 1.01;
        var farthest = Math.Min(89.0, Math.Abs(origin.Y) + latitudeDegrees);
        var longitudeDegrees = radiusKm / (111.32 * Math.Cos(farthest * Math.PI / 180)) * 1.01;
        var near = Box(new Envelope(origin.X - longitudeDegrees, origin.X + longitudeDegrees, origin.Y - latitudeDegrees, origin.Y + latitudeDegrees));
        Add(near, _serving);
        foreach (var area in communityAreas)
        {
            if (_byArea.TryGetValue(area, out var inArea))
            {
                Add(near, inArea);
            }
        }

        return near;
    }

    public FixedBitSet Box(Envelope box)
    {
        ArgumentNullException.ThrowIfNull(box);
        var inBox = new FixedBitSet(_ordinalCount);
        for (var i = Start(box.MinX); i < _listings.Length && _longitudes[i] <= box.MaxX; i++)
        {
            var latitude = _listings[i].Location!.Latitude!.Value;
            if (latitude >= box.MinY && latitude <= box.MaxY)
            {
                inBox.Set((int)_ordinals[i]);
            }
        }

        return inBox;
    }

    /// <summary>Listings placed in the community area, and those with a service area (which may serve it).</summary>
    public FixedBitSet Area(int communityArea)
    {
        var inArea = new FixedBitSet(_ordinalCount);
        Add(inArea, _serving);
        if (_byArea.TryGetValue(communityArea, out var placed))
        {
            Add(inArea, placed);
        }

        return inArea;
    }

    private static void Add(FixedBitSet set, long[] ordinals)
    {
        foreach (var ordinal in ordinals)
        {
            set.Set((int)ordinal);
        }
    }

    private int Start(double longitude)
    {
        var start = Array.BinarySearch(_longitudes, longitude);
        if (start < 0)
        {
            return ~start;
        }

        while (start > 0 && _longitudes[start - 1] == _longitudes[start])
        {
            start--;
        }

        return start;
    }
}
