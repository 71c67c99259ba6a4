using AidDirectory.Core.Locations;
using NetTopologySuite.Geometries;
using Location = AidDirectory.Core.Locations.Location;

namespace AidDirectory.Core.Tests.Locations;

public sealed class ShownLocationTests
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    private static Location Shelter(LocationVisibility visibility) => new()
    {
        Name = "Safe House",
        Address1 = "1234 S Example Ave",
        City = "Chicago",
        StateProvince = "IL",
        PostalCode = "60623",
        Point = Wgs84.CreatePoint(new Coordinate(-87.712345, 41.851234)),
        Visibility = visibility,
        CommunityAreaNumber = 30,
    };

    [Fact]
    public void Exact_location_shows_the_address_and_the_point()
    {
        var shown = ShownLocation.Of(Shelter(LocationVisibility.Exact));
        Assert.Equal("1234 S Example Ave", shown.Address1);
        Assert.Equal(41.851234, shown.Latitude);
        Assert.Equal(-87.712345, shown.Longitude);
    }

    [Fact]
    public void Approximate_location_shows_the_neighbourhood_and_a_point_within_about_500_m_but_never_the_real_one()
    {
        var location = Shelter(LocationVisibility.Approximate);
        var shown = ShownLocation.Of(location);
        Assert.Null(shown.Address1);
        Assert.Null(shown.Name);
        Assert.Null(shown.PostalCode);
        Assert.Equal(30, shown.CommunityAreaNumber);
        Assert.NotNull(shown.Latitude);
        Assert.NotEqual(location.Point!.Y, shown.Latitude);
        Assert.NotEqual(location.Point.X, shown.Longitude);
        var metresNorth = (shown.Latitude!.Value - location.Point.Y) * 111_000;
        var metresEast = (shown.Longitude!.Value - location.Point.X) * 111_000 * Math.Cos(41.85 * Math.PI / 180);
        Assert.InRange(Math.Sqrt((metresNorth * metresNorth) + (metresEast * metresEast)), 1, 500);
    }

    [Fact]
    public void Two_nearby_approximate_locations_snap_to_the_same_point_so_the_real_one_cannot_be_triangulated()
    {
        var a = Shelter(LocationVisibility.Approximate);
        var b = Shelter(LocationVisibility.Approximate);
        b.Point = Wgs84.CreatePoint(new Coordinate(-87.7124, 41.8513));
        Assert.Equal(ShownLocation.Of(a).Latitude, ShownLocation.Of(b).Latitude);
        Assert.Equal(ShownLocation.Of(a).Longitude, ShownLocation.Of(b).Longitude);
    }

    [Fact]
    public void Hidden_location_shows_nothing_at_all()
    {
        var shown = ShownLocation.Of(Shelter(LocationVisibility.Hidden));
        Assert.Equal(LocationVisibility.Hidden, shown.Visibility);
        Assert.Null(shown.Address1);
        Assert.Null(shown.Latitude);
        Assert.Null(shown.Longitude);
        Assert.Null(shown.CommunityAreaNumber);
        Assert.Null(shown.PostalCode);
        Assert.Null(shown.City);
    }
}
