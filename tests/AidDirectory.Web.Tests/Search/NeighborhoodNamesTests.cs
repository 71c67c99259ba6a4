using AidDirectory.Search.Indexing;
using AidDirectory.Web.Features.Search;
using NetTopologySuite.Geometries;

namespace AidDirectory.Web.Tests.Search;

public sealed class NeighborhoodNamesTests
{
    private static readonly Place ArmourSquare = Area("Armour Square", "Chinatown", "唐人街", "华埠", "華埠");
    private static readonly Place AlbanyPark = Area("Albany Park", "ألباني بارك");

    [Theory]
    [InlineData("en", "Chinatown")]
    [InlineData("es", "Chinatown")]
    [InlineData("pl", "Chinatown")]
    [InlineData("zh", "唐人街 / 华埠")]
    [InlineData("ar", "Chinatown")]
    public void A_reader_sees_the_names_in_their_own_script_first_and_never_in_a_third(string language, string expected) =>
        Assert.Equal(expected, NeighborhoodNames.Popular(ArmourSquare, language));

    [Fact]
    public void An_arabic_name_is_shown_to_readers_of_arabic_only()
    {
        Assert.Equal("ألباني بارك", NeighborhoodNames.Popular(AlbanyPark, "ar"));
        Assert.Null(NeighborhoodNames.Popular(AlbanyPark, "en"));
        Assert.Equal(["唐人街", "华埠", "華埠", "Chinatown"], NeighborhoodNames.For(ArmourSquare, "zh"));
    }

    private static Place Area(string name, params string[] others) =>
        new(Place.Area, name, name, new GeometryFactory().CreatePoint(new Coordinate(-87.6, 41.8)), 1, others);
}
