using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// The listings residents may see on a map (their shown point only), sorted by longitude, so a box is a
/// binary search and a scan of one slice of the city.
/// </summary>
internal sealed class PointsByLongitude
{
    private readonly IndexedListing[] _listings;
    private readonly double[] _longitudes;

    public PointsByLongitude(IEnumerable<IndexedListing> listings)
    {
        _listings = listings.Where(l => l.Location?.Longitude is not null && l.Location.Latitude is not null)
            .OrderBy(l => l.Location!.Longitude!.Value)
            .ToArray();
        _longitudes = _listings.Select(l => l.Location!.Longitude!.Value).ToArray();
    }

    public IEnumerable<IndexedListing> InBox(Envelope box)
    {
        var start = Array.BinarySearch(_longitudes, box.MinX);
        start = start < 0 ? ~start : LeftmostOf(start);
        for (var i = start; i < _listings.Length && _longitudes[i] <= box.MaxX; i++)
        {
            var latitude = _listings[i].Location!.Latitude!.Value;
            if (latitude >= box.MinY && latitude <= box.MaxY)
            {
                yield return _listings[i];
            }
        }
    }

    private int LeftmostOf(int index)
    {
        while (index > 0 && _longitudes[index - 1] == _longitudes[index])
        {
            index--;
        }

        return index;
    }
}
