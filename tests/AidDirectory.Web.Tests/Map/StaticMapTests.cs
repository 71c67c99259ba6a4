using System.Net;
using AidDirectory.Core.Locations;
using AidDirectory.Web.Features.Map;
using AidDirectory.Web.Tests.Infrastructure;
using NodaTime;
using SkiaSharp;

namespace AidDirectory.Web.Tests.Map;

/// <summary>Maps drawn on the server: the listing page's and the results page's stand-in without JavaScript.</summary>
public sealed class StaticMapTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static readonly SKColor Pin = new(0xb3, 0x26, 0x1e);
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_listing_map_is_a_small_png_with_its_pin_in_the_middle_and_the_page_shows_it()
    {
        var id = await PublishAsync(new TestListing("Map Pin Pantry"));
        var client = app.CreateClient();

        var (png, response) = await GetPngAsync(client, $"/en/maps/service/{id}.png");
        using var bitmap = SKBitmap.Decode(png);

        Assert.Equal((StaticMaps.Width, StaticMaps.Height), (bitmap.Width, bitmap.Height));
        Assert.InRange(png.Length, 1_000, 40 * 1024);
        Assert.Equal(Pin, bitmap.GetPixel(StaticMaps.Width / 2, StaticMaps.Height / 2));
        Assert.Equal("public, max-age=3600", response.Headers.CacheControl?.ToString());
        var html = await client.GetStringAsync(new Uri($"/en/service/{id}", UriKind.Relative), Token);
        Assert.Contains($"<img src=\"/en/maps/service/{id}.png\" width=\"640\" height=\"360\" alt=\"Map of where this service is, in South Lawndale.\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_approximate_place_is_an_area_and_its_map_does_not_change_when_the_exact_point_moves_within_its_cell()
    {
        var listing = new TestListing("Map Approximate Shelter").WithVisibility(LocationVisibility.Approximate);
        var id = await PublishAsync(listing);
        var client = app.CreateClient();
        var (before, _) = await GetPngAsync(client, $"/en/maps/service/{id}.png");

        await listing.MoveWithinItsCellAsync(app);
        var (after, _) = await GetPngAsync(client, $"/en/maps/service/{id}.png");

        Assert.Equal(before, after);
        using var bitmap = SKBitmap.Decode(after);
        Assert.NotEqual(Pin, bitmap.GetPixel(StaticMaps.Width / 2, StaticMaps.Height / 2)); // an area, not a pin
        var html = await client.GetStringAsync(new Uri($"/en/service/{id}", UriKind.Relative), Token);
        Assert.Contains("alt=\"Map of the approximate area of this service, in South Lawndale. The exact address is not shown.\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hidden_place_has_no_map_at_all()
    {
        var id = await PublishAsync(new TestListing("Map Hidden Shelter").WithVisibility(LocationVisibility.Hidden));
        var client = app.CreateClient();

        var response = await client.GetAsync(new Uri($"/en/maps/service/{id}.png", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await client.GetStringAsync(new Uri($"/en/service/{id}", UriKind.Relative), Token);
        Assert.DoesNotContain("/maps/service/", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_results_map_is_drawn_for_the_same_search_numbered_like_the_list_and_never_kept()
    {
        var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/es/search?q=comida&page=2", UriKind.Relative), Token);

        // Without JavaScript (or Leaflet) the drawn map stands in, for this very query string; the list numbers from 21.
        Assert.Matches("<img src=\"/es/maps/search.png\\?q=comida&amp;page=2\" width=\"640\" height=\"360\" alt=\"Mapa de los resultados", html);
        Assert.Contains("<ol class=\"listings\" start=\"21\">", html, StringComparison.Ordinal);

        var (png, response) = await GetPngAsync(client, "/es/maps/search.png?q=comida&page=2");
        using var bitmap = SKBitmap.Decode(png);
        Assert.Equal((640, 360), (bitmap.Width, bitmap.Height));
        Assert.InRange(png.Length, 1_000, 40 * 1024);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.True(Enumerable.Range(0, 640 * 360).Count(i => bitmap.GetPixel(i % 640, i / 640) == Pin) > 200, "pins are drawn");

        var bad = await client.GetAsync(new Uri("/es/maps/search.png?category=nope", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("nope", await bad.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    private Task<Guid> PublishAsync(TestListing listing) =>
        app.WithDatabaseAsync(db => listing.OpenOn(IsoDayOfWeek.Monday, 9, 17).InCategory(db, "food").SaveAsync(db));

    private static async Task<(byte[] Png, HttpResponseMessage Response)> GetPngAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadAsByteArrayAsync(Token), response);
    }
}
