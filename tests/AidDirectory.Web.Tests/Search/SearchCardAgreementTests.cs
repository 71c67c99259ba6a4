using System.Net.Http.Json;
using System.Text.Json;
using AidDirectory.Core.Translations;
using AidDirectory.Web.Features.Shared;
using AidDirectory.Web.Tests.Infrastructure;
using AngleSharp.Html.Parser;
using NodaTime;

namespace AidDirectory.Web.Tests.Search;

/// <summary>
/// The results page, <c>/api/v1/services</c> and its GeoJSON show the same card for every result, field by
/// field, in more than one language: they are built once, so a field that drifts in one output fails here.
/// </summary>
public sealed class SearchCardAgreementTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("en", "q=agreement")]
    [InlineData("es", "q=acuerdo")]
    public async Task The_page_the_api_and_the_map_show_the_same_card(string language, string parameters)
    {
        await PublishTranslatedListingsAsync();
        var client = app.CreateClient();
        var api = await client.GetFromJsonAsync<JsonElement>($"/api/v1/services?{parameters}&lang={language}", Token);
        var items = api.GetProperty("items").EnumerateArray().ToList();
        Assert.True(items.Count >= 2, "the search should find both test listings");

        var html = await client.GetStringAsync($"/{language}/search?{parameters}", Token);
        var rows = new HtmlParser().ParseDocument(html).QuerySelectorAll("ol.listings > li").ToList();
        Assert.Equal(items.Count, rows.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var row = rows[i];
            var link = row.QuerySelector("h2 a")!;
            Assert.Equal(item.GetProperty("url").GetString(), link.GetAttribute("href"));
            Assert.Equal(item.GetProperty("name").GetString(), link.TextContent.Trim());
            Assert.Equal(item.GetProperty("nameLanguage").GetString(), link.QuerySelector("bdi")!.GetAttribute("lang"));
            Assert.Equal(item.GetProperty("organization").GetString(), row.QuerySelector(".org")!.TextContent.Trim());

            var meta = row.QuerySelectorAll("p.meta").Select(p => p.TextContent).ToList();
            var categoryNames = item.GetProperty("categoryNames").EnumerateArray().Select(c => c.GetString()!).ToList();
            Assert.NotEmpty(categoryNames);
            Assert.StartsWith(string.Join(" · ", categoryNames), meta[1].Trim(), StringComparison.Ordinal);
            foreach (var spoken in item.GetProperty("languages").EnumerateArray())
            {
                Assert.Contains(ResidentFormat.LanguageName(spoken.GetString()!), meta[1], StringComparison.Ordinal);
            }

            Assert.Equal(item.GetProperty("openNow").GetBoolean(), row.QuerySelector("p.meta span.open") is not null);
            var neighborhood = item.GetProperty("neighborhood").GetString();
            Assert.NotNull(neighborhood); // both test listings are in South Lawndale
            Assert.Contains(neighborhood, meta[0], StringComparison.Ordinal);
            Assert.Equal(item.GetProperty("reportedClosed").GetBoolean(), row.QuerySelector("p.meta strong.stale") is not null);
            Assert.Equal(item.GetProperty("stale").GetBoolean(), row.QuerySelector("p.fresh")!.ClassList.Contains("stale"));
        }

        Assert.Contains(items, i => i.GetProperty("reportedClosed").GetBoolean());
        Assert.Contains(items, i => !i.GetProperty("reportedClosed").GetBoolean());

        var map = await client.GetFromJsonAsync<JsonElement>($"/api/v1/services.geojson?{parameters}&lang={language}", Token);
        var features = map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        Assert.Equal(items.Count, features.Count); // both test listings have a point residents may see
        foreach (var feature in features)
        {
            var item = items.Single(i => i.GetProperty("id").GetString() == feature.GetProperty("id").GetString());
            Assert.Equal(item.GetProperty("name").GetString(), feature.GetProperty("name").GetString());
            Assert.Equal(item.GetProperty("categories")[0].GetString(), feature.GetProperty("category").GetString());
            Assert.Equal(item.GetProperty("openNow").GetBoolean(), feature.GetProperty("open_now").GetBoolean());
            Assert.Equal(item.GetProperty("url").GetString(), feature.GetProperty("url").GetString());
        }
    }

    [Fact]
    public async Task The_map_names_a_listing_in_the_readers_language_like_the_list()
    {
        await PublishTranslatedListingsAsync();
        var map = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/services.geojson?q=acuerdo&lang=es", Token);
        var names = map.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties").GetProperty("name").GetString()).ToList();
        Assert.Contains("Despensa del Acuerdo", names);
        Assert.DoesNotContain("Agreement Pantry", names);
    }

    // Two listings that differ in what the card carries: one translated and warned about, one not.
    // Each test adds its own pair (the keys are new each time); every assertion holds for any number of pairs.
    private Task<Guid> PublishTranslatedListingsAsync() => app.WithDatabaseAsync(async db =>
        {
            var translated = new TestListing("Agreement Pantry").InCategory(db, "food").OpenOn(IsoDayOfWeek.Monday, 9, 17);
            translated.Service.NameTranslations = new LocalizedText(new Dictionary<string, string> { ["es"] = "Despensa del Acuerdo" });
            translated.Service.DescriptionTranslations = new LocalizedText(new Dictionary<string, string> { ["es"] = "Despensa de prueba para el acuerdo entre salidas." });
            translated.Service.ReportedClosedAt = Instant.FromDateTimeOffset(DirectoryApp.Noon).Minus(Duration.FromDays(1));
            await translated.SaveAsync(db);
            var plain = new TestListing("Agreement Pantry Annex").InCategory(db, "food");
            plain.Service.Description = "Annex of the agreement pantry (acuerdo de prueba).";
            plain.Service.Languages = ["en"];
            plain.Service.LastVerifiedAt = Instant.FromDateTimeOffset(DirectoryApp.Noon).Minus(Duration.FromDays(3));
            return await plain.SaveAsync(db);
        });
}
