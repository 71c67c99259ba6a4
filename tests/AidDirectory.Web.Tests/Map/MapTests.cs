using System.Net;
using System.Text.Json;
using AidDirectory.Web.Features.Map;
using AidDirectory.Web.Hosting;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Tests.Map;

/// <summary>The browser map's server side: its base layer, where the page offers it, and what the policy lets it load.</summary>
public sealed class MapTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_base_layer_is_the_77_community_areas_outlined_in_longitude_latitude_order()
    {
        var response = await app.CreateClient().GetAsync(new Uri("/api/v1/areas.geojson", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Token);
        Assert.InRange(bytes.Length, 10_000, 60_000); // simplified: the source file is over a megabyte

        using var json = JsonDocument.Parse(bytes);
        var features = json.RootElement.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(77, features.Count);
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("name").GetString() == "South Lawndale");
        foreach (var feature in features)
        {
            var geometry = feature.GetProperty("geometry");
            Assert.Matches("^(Multi)?Polygon$", geometry.GetProperty("type").GetString());
            foreach (var position in Positions(geometry.GetProperty("coordinates")))
            {
                Assert.InRange(position[0], -87.95, -87.52); // longitude first
                Assert.InRange(position[1], 41.64, 42.03);
            }
        }
    }

    [Fact]
    public async Task The_results_page_offers_the_map_for_the_same_search_with_scripts_from_our_own_origin()
    {
        SkipWithoutMapLibraries();
        var client = app.CreateClient();
        var html = await client.GetStringAsync(new Uri("/es/search?q=comida&category=food", UriKind.Relative), Token);

        Assert.Contains("id=\"map\"", html, StringComparison.Ordinal);
        Assert.Contains("data-services=\"/api/v1/services.geojson?q=comida&amp;category=food&amp;lang=es\"", html, StringComparison.Ordinal);
        Assert.Contains("data-search=\"/es/search?q=comida&amp;category=food\"", html, StringComparison.Ordinal);
        Assert.Contains("data-tiles=\"\"", html, StringComparison.Ordinal); // no tile server: the outlines are the base layer
        foreach (var script in new[] { "/lib/leaflet/leaflet.js", "/lib/leaflet.markercluster/leaflet.markercluster.js", "/lib/leaflet/leaflet.css" })
        {
            Assert.Contains($"\"{script}\"", html, StringComparison.Ordinal);
            var file = await client.GetAsync(new Uri(script, UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        }

        Assert.Contains("src=\"/js/map.js?v=", html, StringComparison.Ordinal);

        // Nothing found: no map, and no map scripts to download.
        var empty = await client.GetStringAsync(new Uri("/es/search?q=zzqqxxzz", UriKind.Relative), Token);
        Assert.DoesNotContain("id=\"map\"", empty, StringComparison.Ordinal);
        Assert.DoesNotContain("leaflet", empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_tile_server_is_the_only_other_origin_allowed_and_only_for_images()
    {
        using var withTiles = app.WithWebHostBuilder(b => b
            .UseSetting("Map:TileUrl", "https://tiles.example.org/{z}/{x}/{y}.png")
            .UseSetting("Map:TileAttribution", "© Example contributors"));
        var response = await withTiles.CreateClient().GetAsync(new Uri("/en/search?q=food", UriKind.Relative), Token);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));

        Assert.Equal(SecurityHeaders.Policy("https://tiles.example.org"), policy);
        Assert.Contains("img-src 'self' data: https://tiles.example.org;", policy, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(policy, "https://"));
        if (withTiles.Services.GetRequiredService<BrowserMap>().Available)
        {
            Assert.Contains("data-tiles=\"https://tiles.example.org/{z}/{x}/{y}.png\"", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("http://tiles.example.org/{z}/{x}/{y}.png", "© Example", "Map:TileUrl must be an https URL template")]
    [InlineData("https://tiles.example.org/tiles.png", "© Example", "Map:TileUrl must be an https URL template")]
    [InlineData("https://tiles.example.org/{z}/{x}/{y}.png", "", "Map:TileAttribution is required")]
    public void A_wrong_tile_setting_stops_the_site_at_start_with_what_to_fix(string url, string attribution, string message)
    {
        using var wrong = app.WithWebHostBuilder(b => b.UseSetting("Map:TileUrl", url).UseSetting("Map:TileAttribution", attribution));
        var error = Assert.Throws<OptionsValidationException>(() => wrong.CreateClient());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private void SkipWithoutMapLibraries()
    {
        if (!app.Services.GetRequiredService<BrowserMap>().Available)
        {
            const string Reason = "wwwroot/lib has no Leaflet: npm was missing when the site was built (./test.sh installs it).";
            Assert.SkipWhen(!TestEnvironment.IsCi, Reason);
            Assert.Fail("CI=true but " + Reason);
        }
    }

    private static IEnumerable<double[]> Positions(JsonElement coordinates) =>
        coordinates[0].ValueKind == JsonValueKind.Number
            ? [[coordinates[0].GetDouble(), coordinates[1].GetDouble()]]
            : coordinates.EnumerateArray().SelectMany(Positions);
}
