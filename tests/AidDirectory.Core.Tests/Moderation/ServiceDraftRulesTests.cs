using AidDirectory.Core.Locations;
using AidDirectory.Core.Moderation;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace AidDirectory.Core.Tests.Moderation;

public sealed class ServiceDraftRulesTests
{
    private static readonly HashSet<string> Categories = ["food", "legal"];
    private static readonly ServiceDraft Valid = new() { Name = "Pantry", Categories = ["food"], Url = "https://example.org", Languages = ["es"] };

    private static List<string> Facts(ServiceDraft draft) => ServiceDraftRules.OfFacts(draft, Categories).Select(p => $"{p.Field}: {p.Message}").ToList();

    [Fact]
    public void A_complete_listing_breaks_no_rule() => Assert.Empty(Facts(Valid));

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("file:///etc/passwd")]
    [InlineData("example.org")]
    public void Only_a_web_address_becomes_a_link(string url) =>
        Assert.Equal([$"Url: \"{url}\" must be an http or https address. Write it in full, starting with https://."], Facts(Valid with { Url = url }));

    [Fact]
    public void A_listing_needs_a_name_and_a_known_category() =>
        Assert.Equal(
            ["Name: Enter the service's name.", "Categories: \"fod\" is unknown; use one of food, legal."],
            Facts(Valid with { Name = " ", Categories = ["fod"] }));

    [Fact]
    public void Interpretation_languages_need_interpretation_on_request_and_real_codes()
    {
        Assert.Equal(
            ["InterpretationLanguages: \"polish\" is not a language code (two or three letters, such as fr, ht or yue).",
             "InterpretationLanguages: Languages for interpretation go with “Yes, we arrange an interpreter”: choose it, or clear the languages."],
            Facts(Valid with { InterpretationLanguages = ["polish"] }));
        Assert.Empty(Facts(Valid with { InterpretationOnRequest = true, InterpretationLanguages = ["pl"] }));
    }

    [Fact]
    public void A_place_is_somewhere_residents_can_go_or_says_it_is_hidden()
    {
        Assert.Single(ServiceDraftRules.OfPlace(new PlaceDraft { City = "Chicago" }));
        Assert.Empty(ServiceDraftRules.OfPlace(new PlaceDraft { Visibility = LocationVisibility.Hidden }));
        Assert.Equal(["Latitude"], ServiceDraftRules.OfPlace(new PlaceDraft { Latitude = -87.7, Longitude = 41.9 }).Select(p => p.Field));
        Assert.Equal(["PostalCode"], ServiceDraftRules.OfPlace(new PlaceDraft { Address1 = "1 Main St", PostalCode = "60623-1234" }).Select(p => p.Field));
    }

    [Fact]
    public void A_service_area_has_a_name_real_zip_codes_and_community_areas_that_exist() =>
        Assert.Equal(
            ["Name", "PostalCodes", "CommunityAreaNumbers"],
            ServiceDraftRules.OfArea(new AreaDraft(" ", null, [30, 99], ["60623", "606"]), new HashSet<int> { 30 }).Select(p => p.Field));

    private static readonly Geometry City = new WKTReader().Read("POLYGON ((-87.94 41.64, -87.52 41.64, -87.52 42.03, -87.94 42.03, -87.94 41.64))");

    private static string? ExtentProblem(string wkt) =>
        ServiceDraftRules.OfArea(new AreaDraft("Drawn", null, [], [], wkt), new HashSet<int>(), City).SingleOrDefault()?.Message;

    [Fact]
    public void A_drawn_area_inside_the_city_is_accepted() =>
        Assert.Null(ExtentProblem("POLYGON ((-87.72 41.84, -87.70 41.84, -87.70 41.86, -87.72 41.86, -87.72 41.84))"));

    [Theory]
    [InlineData("POLYGON ((-180 -90, 180 -90, 180 90, -180 90, -180 -90))", "reaches outside the city")]
    [InlineData("POLYGON ((-87.72 41.84, -87.70", "cannot be read")]
    [InlineData("LINESTRING (-87.72 41.84, -87.70 41.86)", "must be a polygon")]
    [InlineData("POLYGON ((-87.72 41.84, -87.70 41.86, -87.70 41.84, -87.72 41.86, -87.72 41.84))", "crosses itself")]
    public void A_drawn_area_that_is_not_a_readable_polygon_inside_the_city_is_refused(string wkt, string expected) =>
        Assert.Contains(expected, ExtentProblem(wkt), StringComparison.Ordinal);

    [Fact]
    public void A_drawn_area_with_too_many_corners_is_refused()
    {
        var corners = Enumerable.Range(0, ServiceDraftRules.MaxExtentVertices + 1)
            .Select(i => (Lon: -87.71 + (0.01 * Math.Cos(i * 2 * Math.PI / (ServiceDraftRules.MaxExtentVertices + 1))), Lat: 41.85 + (0.01 * Math.Sin(i * 2 * Math.PI / (ServiceDraftRules.MaxExtentVertices + 1)))))
            .ToList();
        corners.Add(corners[0]);
        var wkt = "POLYGON ((" + string.Join(", ", corners.Select(c => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{c.Lon} {c.Lat}"))) + "))";
        Assert.Contains("corners", ExtentProblem(wkt), StringComparison.Ordinal);
    }
}
