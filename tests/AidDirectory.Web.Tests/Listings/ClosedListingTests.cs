using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AidDirectory.Core.Listings;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Listings;

/// <summary>A closed listing leaves every result, but its page (from an old link or flyer) still says it has closed.</summary>
public sealed class ClosedListingTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_closed_listings_page_says_so_and_no_search_finds_it()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            var listing = new TestListing("Quillwort Closed Pantry");
            listing.Service.Status = ServiceStatus.Closed;
            return listing.SaveAsync(db);
        });
        var client = app.CreateClient();

        var page = await client.GetAsync($"/en/service/{id}", Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("Quillwort Closed Pantry", html, StringComparison.Ordinal);
        Assert.Contains("class=\"banner closed\"", html, StringComparison.Ordinal);

        var open = await app.WithDatabaseAsync(db => new TestListing("Quillwort Open Pantry").SaveAsync(db));
        var api = await client.GetFromJsonAsync<JsonElement>("/api/v1/services?q=quillwort", Token);
        var ids = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open, ids); // the search works, so the next line can fail
        Assert.DoesNotContain(id, ids);
    }
}
