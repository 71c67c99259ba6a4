using AidDirectory.Search.Analysis;
using AidDirectory.Search.Indexing;
using NetTopologySuite.Geometries;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Indexing;

public sealed class PlaceNamesTests : IDisposable
{
    private readonly LanguageAnalyzers _analyzers = new();
    private readonly PlaceNames _names;

    public PlaceNamesTests()
    {
        _names = new PlaceNames(
        [
            Area(26, "west-garfield-park", "West Garfield Park", -87.73, 41.88, "Garfield Park"),
            Area(27, "east-garfield-park", "East Garfield Park", -87.70, 41.88, "Garfield Park"),
            Area(34, "armour-square", "Armour Square", -87.63, 41.84, "Chinatown", "唐人街", "华埠", "華埠"),
            Area(67, "west-englewood", "West Englewood", -87.67, 41.78, "Englewood"),
            Area(68, "englewood", "Englewood", -87.64, 41.78),
        ], _analyzers);
    }

    public void Dispose() => _analyzers.Dispose();

    [Fact]
    public void A_neighbourhood_that_spans_two_areas_means_both()
    {
        var place = _names.Find("garfield park");
        Assert.NotNull(place);
        Assert.Equal([26, 27], place.CommunityAreas);
        Assert.Equal("Garfield Park", place.Name);
        Assert.Equal(-87.715, place.Point.X, 0.001); // between the two areas' centres
    }

    [Fact]
    public void An_official_name_keeps_meaning_its_own_area_only() =>
        Assert.Equal([68], _names.Find("englewood")!.CommunityAreas);

    [Theory]
    [InlineData("食物唐人街", "唐人街")]
    [InlineData("唐人街的食物", "唐人街")]
    [InlineData("华埠食物", "华埠")]
    [InlineData("華埠 食物", "華埠")]
    public void A_chinese_name_is_found_inside_the_text_around_it(string text, string name)
    {
        var found = _names.FindWithin(text);
        Assert.NotNull(found);
        Assert.Equal(name, found.Value.Name);
        Assert.Equal([34], found.Value.Place.CommunityAreas);
    }

    [Fact]
    public void Latin_names_are_not_searched_inside_words() => Assert.Null(_names.FindWithin("englewoodchinatown"));

    private static Place Area(int number, string slug, string name, double lon, double lat, params string[] others) =>
        new(Place.Area, slug, name, Wgs84.CreatePoint(new Coordinate(lon, lat)), number, others);
}
