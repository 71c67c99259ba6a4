using AidDirectory.Core.Listings;
using AidDirectory.Search.Indexing;
using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Querying;

/// <summary>How far a listing is from the place searched, on the sphere.</summary>
internal static class Distance
{
    // Kilometres from the place searched. A service whose service area covers the place counts as there;
    // Approximate locations are measured from their snapped point, Hidden ones have no distance at all.
    public static double? Km(IndexedListing listing, Point origin, Place? place)
    {
        if (listing.Service.ServiceAreas.Any(a => Covers(a, place, origin)))
        {
            return 0;
        }

        return listing.Location is { Latitude: { } lat, Longitude: { } lon } ? GreatCircleKm(origin.Y, origin.X, lat, lon) : null;
    }

    public static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthKm = 6371.0088;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static bool Covers(ServiceArea area, Place? place, Point origin) =>
        (area.CommunityAreaNumbers.Count == 0 && area.PostalCodes.Count == 0 && area.Extent is null) // the whole deployment ("Illinois")
        || (place is not null && place.CommunityAreas.Any(area.CommunityAreaNumbers.Contains))
        || (place?.Kind == Place.Zip && area.PostalCodes.Contains(place.Key))
        || area.Extent?.Covers(origin) == true;
}
