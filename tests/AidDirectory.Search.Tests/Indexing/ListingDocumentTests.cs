using System.Globalization;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Translations;
using AidDirectory.Search.Analysis;
using AidDirectory.Search.Indexing;
using NetTopologySuite.Geometries;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Indexing;

public sealed class ListingDocumentTests
{
    private static readonly Point Loop = Wgs84.CreatePoint(new Coordinate(-87.63, 41.88));

    [Fact]
    public void Each_name_and_description_is_in_its_languages_field_and_folded()
    {
        var listing = Listing("Despensa Casa", Loop, s =>
        {
            (s.WrittenIn, s.Description, s.EligibilityDescription) = ("es", "Comida gratis", "Para todos");
            s.Organization = new Organization { Name = "Red de Ayuda" };
            s.NameTranslations = new LocalizedText(new Dictionary<string, string> { ["en"] = "Casa Pantry", ["pl"] = "Spiżarnia Casa" });
            s.DescriptionTranslations = new LocalizedText(new Dictionary<string, string> { ["en"] = "Free food" });
        });

        var doc = ListingDocument.Of(listing, 7);

        Assert.Equal(["Despensa Casa"], doc.GetValues(IndexFields.Name("es"), CultureInfo.InvariantCulture));
        Assert.Equal(["Casa Pantry"], doc.GetValues(IndexFields.Name("en"), CultureInfo.InvariantCulture));
        Assert.Equal(["Spiżarnia Casa"], doc.GetValues(IndexFields.Name("pl"), CultureInfo.InvariantCulture));
        Assert.Equal(["Despensa Casa", "Casa Pantry", "Spiżarnia Casa"], doc.GetValues(IndexFields.FoldedName, CultureInfo.InvariantCulture));
        // What the organization says of who may come, and who runs it, are searched with the description.
        Assert.Equal(["Comida gratis. Para todos. Red de Ayuda"], doc.GetValues(IndexFields.Body("es"), CultureInfo.InvariantCulture));
        Assert.Equal(["Free food"], doc.GetValues(IndexFields.Body("en"), CultureInfo.InvariantCulture));
        Assert.Equal(["Comida gratis. Para todos. Red de Ayuda", "Free food"], doc.GetValues(IndexFields.FoldedBody, CultureInfo.InvariantCulture));
        Assert.Equal([listing.Id.ToString("N")], doc.GetValues(IndexFields.Id, CultureInfo.InvariantCulture));
        Assert.Equal(7, doc.GetField(IndexOrdinal.Field).GetInt64Value());
    }

    [Theory]
    [InlineData(CostKind.Free, new[] { "1" })]
    [InlineData(CostKind.SlidingScale, new string[0])]
    [InlineData(null, new string[0])]
    public void Categories_are_indexed_and_only_a_listing_known_to_be_free_is_marked_free(CostKind? cost, string[] free)
    {
        var doc = ListingDocument.Of(Listing("pantry", Loop, s => s.Cost = cost), 0);

        Assert.Equal([Food.Code], doc.GetValues(IndexFields.Category, CultureInfo.InvariantCulture));
        Assert.Equal(free, doc.GetValues(IndexFields.Free, CultureInfo.InvariantCulture));
    }
}
