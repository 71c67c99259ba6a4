using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Search.Indexing;
using NetTopologySuite.Geometries;
using Location = AidDirectory.Core.Locations.Location;

namespace AidDirectory.Search.Tests.Infrastructure;

/// <summary>
/// Listings as the index receives them, without a database: a food pantry placed to the metre, which
/// each test changes where it is about.
/// </summary>
internal static class TestListings
{
    public static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    public static readonly TaxonomyTerm Food = new() { Code = "food", Taxonomy = TaxonomyTerm.OurTaxonomy, Synonyms = new() { ["es"] = ["comida"] } };

    public static IndexedListing Listing(string name, Point point, Action<Service>? change = null, int? area = null, LocationVisibility visibility = LocationVisibility.Exact)
    {
        var service = new Service { Id = Guid.NewGuid(), ExternalId = name, SourceKey = "test", Name = name, Description = "Food pantry with groceries", WrittenIn = "en" };
        service.Categories.Add(Food);
        change?.Invoke(service);
        var location = new Location { Point = point, Visibility = visibility, CommunityAreaNumber = area };
        return new IndexedListing(service, ShownLocation.Of(location), null, null);
    }

    // The point at a distance (km) and bearing (degrees from north) on the sphere the index measures on.
    public static Point At(Point from, double bearingDegrees, double km)
    {
        const double EarthKm = 6371.0088;
        var d = km / EarthKm;
        var bearing = bearingDegrees * Math.PI / 180;
        var lat1 = from.Y * Math.PI / 180;
        var lon1 = from.X * Math.PI / 180;
        var lat2 = Math.Asin((Math.Sin(lat1) * Math.Cos(d)) + (Math.Cos(lat1) * Math.Sin(d) * Math.Cos(bearing)));
        var lon2 = lon1 + Math.Atan2(Math.Sin(bearing) * Math.Sin(d) * Math.Cos(lat1), Math.Cos(d) - (Math.Sin(lat1) * Math.Sin(lat2)));
        return Wgs84.CreatePoint(new Coordinate(lon2 * 180 / Math.PI, lat2 * 180 / Math.PI));
    }
}
