using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using NetTopologySuite.Geometries;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Querying;

public sealed class DistanceTests
{
    private static readonly Place Zip60629 = new(Place.Zip, "60629", "60629", Wgs84.CreatePoint(new Coordinate(-87.7116, 41.7753)), 65, []);
    private static readonly Place ChicagoLawn = new(Place.Area, "65", "Chicago Lawn", Wgs84.CreatePoint(new Coordinate(-87.6963, 41.7753)), 65, []);
    private static readonly Point TwentyKmNorth = At(Zip60629.Point, 0, 20);

    // On a sphere of the mean earth radius (6,371.0088 km) a degree of a great circle is 2π·r/360 = 111.195 km.
    [Theory]
    [InlineData(0, 0, 1, 0, 111.195)]          // a degree north along a meridian
    [InlineData(0, 0, 0, 1, 111.195)]          // a degree east along the equator
    [InlineData(41.7753, -87.7116, 42.7753, -87.7116, 111.195)] // a degree north of 60629: latitude does not shrink it
    [InlineData(0, 0, 90, 0, 10007.557)]       // the equator to the pole
    [InlineData(0, 0, 0, 180, 20015.115)]      // the far side of the earth, half way round
    public void Great_circle_distance_is_measured_on_the_mean_earth_sphere(double lat1, double lon1, double lat2, double lon2, double km)
    {
        Assert.Equal(km, Distance.GreatCircleKm(lat1, lon1, lat2, lon2), 0.001);
        Assert.Equal(km, Distance.GreatCircleKm(lat2, lon2, lat1, lon1), 0.001);
    }

    [Fact]
    public void A_listing_is_as_far_as_its_shown_point()
    {
        Assert.Equal(20, Distance.Km(Listing("pantry", TwentyKmNorth), Zip60629.Point, Zip60629)!.Value, 0.001);
    }

    [Fact]
    public void A_service_area_that_covers_the_ZIP_searched_counts_as_0_km_and_one_for_another_ZIP_does_not()
    {
        var servesIt = Listing("serves 60629", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "60629", PostalCodes = ["60629"] }));
        var servesAnother = Listing("serves 60623", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "60623", PostalCodes = ["60623"] }));

        Assert.Equal(0, Distance.Km(servesIt, Zip60629.Point, Zip60629));
        Assert.Equal(20, Distance.Km(servesAnother, Zip60629.Point, Zip60629)!.Value, 0.001);
        // Only a ZIP searched by name is a ZIP: the same point given as coordinates is measured.
        Assert.Equal(20, Distance.Km(servesIt, Zip60629.Point, null)!.Value, 0.001);
    }

    [Theory]
    [MemberData(nameof(PlacesInChicagoLawn))]
    public void A_service_area_that_covers_the_community_area_searched_counts_as_0_km(Place place)
    {
        var servesIt = Listing("serves Chicago Lawn", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "Chicago Lawn", CommunityAreaNumbers = [65] }));
        var servesAnother = Listing("serves South Lawndale", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "South Lawndale", CommunityAreaNumbers = [30] }));

        Assert.Equal(0, Distance.Km(servesIt, place.Point, place));
        Assert.True(Distance.Km(servesAnother, place.Point, place) > 15);
    }

    public static TheoryData<Place> PlacesInChicagoLawn() => [ChicagoLawn, Zip60629];

    [Fact]
    public void A_service_area_without_codes_or_shape_serves_the_whole_deployment_and_a_shape_serves_what_it_covers()
    {
        var everyone = Listing("serves Illinois", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "Illinois" }));
        var southwest = Listing("serves the southwest side", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "Southwest side", Extent = Zip60629.Point.Buffer(0.05) }));

        Assert.Equal(0, Distance.Km(everyone, Zip60629.Point, null));
        Assert.Equal(0, Distance.Km(southwest, Zip60629.Point, null));
        Assert.Equal(20, Distance.Km(southwest, At(Zip60629.Point, 0, 40), null)!.Value, 0.001);
    }

    [Fact]
    public void A_hidden_location_has_no_distance_and_an_approximate_one_is_measured_from_its_snapped_point()
    {
        var point = At(Zip60629.Point, 45, 3);
        var approximate = Listing("approximate", point, visibility: LocationVisibility.Approximate);

        Assert.Equal(3, Distance.Km(Listing("exact", point), Zip60629.Point, Zip60629)!.Value, 0.001);
        Assert.Null(Distance.Km(Listing("hidden", point, visibility: LocationVisibility.Hidden), Zip60629.Point, Zip60629));
        // Snapped to the ~500 m grid: (41.796, -87.684), 3.246 km from 60629.
        Assert.Equal(41.796, approximate.Location!.Latitude!.Value, 0.000001);
        Assert.Equal(-87.684, approximate.Location.Longitude!.Value, 0.000001);
        Assert.Equal(3.246, Distance.Km(approximate, Zip60629.Point, Zip60629)!.Value, 0.001);
    }

    [Fact]
    public void A_hidden_location_whose_service_area_covers_the_place_counts_as_there()
    {
        var hidden = Listing("hidden, serves 60629", TwentyKmNorth, s => s.ServiceAreas.Add(new ServiceArea { Name = "60629", PostalCodes = ["60629"] }), visibility: LocationVisibility.Hidden);

        Assert.Equal(0, Distance.Km(hidden, Zip60629.Point, Zip60629));
    }
}
