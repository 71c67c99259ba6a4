using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Search;

/// <summary>The JSON and GeoJSON contract of /api/v1, and its agreement with the results page.</summary>
public sealed partial class ServicesApiTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Token);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>(Token));
    }

    [Fact]
    public async Task A_search_returns_a_page_of_services_with_counts_and_the_place_it_understood()
    {
        var (response, body) = await GetJsonAsync("/api/v1/services?q=comida+gratis+60629&lang=es");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("60629", body.GetProperty("place").GetString());
        Assert.True(body.GetProperty("total").GetInt32() > 0);
        var first = body.GetProperty("items")[0];
        Assert.Contains("food", first.GetProperty("categories").EnumerateArray().Select(c => c.GetString()));
        Assert.StartsWith("/es/service/", first.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.True(first.GetProperty("distanceKm").GetDouble() <= 5);
        Assert.Contains(body.GetProperty("categoryCounts").EnumerateArray(), c => c.GetProperty("category").GetString() == "food");
    }

    [Fact]
    public async Task The_api_the_page_and_the_map_agree_on_the_same_parameters()
    {
        const string parameters = "q=library&area=albany-park";
        var (_, api) = await GetJsonAsync($"/api/v1/services?{parameters}");
        var apiIds = api.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(apiIds);

        var html = await app.CreateClient().GetStringAsync($"/en/search?{parameters}", Token);
        var pageIds = ServiceLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(apiIds, pageIds);

        var (geo, map) = await GetJsonAsync($"/api/v1/services.geojson?{parameters}");
        Assert.Equal("application/geo+json", geo.Content.Headers.ContentType?.MediaType);
        Assert.Equal("FeatureCollection", map.GetProperty("type").GetString());
        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(api.GetProperty("total").GetInt32(), features.Count); // every Albany Park library has a point
        Assert.Superset(apiIds.ToHashSet(), features.Select(f => f.GetProperty("properties").GetProperty("id").GetString()!).ToHashSet());
        foreach (var feature in features)
        {
            var coordinates = feature.GetProperty("geometry").GetProperty("coordinates");
            Assert.Equal("Point", feature.GetProperty("geometry").GetProperty("type").GetString());
            Assert.InRange(coordinates[0].GetDouble(), -88.0, -87.5); // longitude first
            Assert.InRange(coordinates[1].GetDouble(), 41.6, 42.1);
        }
    }

    [Fact]
    public async Task The_map_asks_for_the_visible_area_and_gets_only_what_lies_inside_it()
    {
        const string box = "bbox=-87.75,41.83,-87.68,41.87"; // Little Village and around
        var (response, map) = await GetJsonAsync($"/api/v1/services.geojson?{box}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var features = map.GetProperty("features").EnumerateArray().ToList();
        Assert.NotEmpty(features);
        Assert.All(features, f =>
        {
            var c = f.GetProperty("geometry").GetProperty("coordinates");
            Assert.InRange(c[0].GetDouble(), -87.75, -87.68);
            Assert.InRange(c[1].GetDouble(), 41.83, 41.87);
        });
        var (_, all) = await GetJsonAsync("/api/v1/services.geojson");
        Assert.True(all.GetProperty("features").GetArrayLength() > features.Count);
        var (_, page) = await GetJsonAsync($"/api/v1/services?{box}");
        Assert.Equal(features.Count, page.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/services.geojson?bbox=-87.6,41.9,-87.7,41.8", "bbox", "The parameter \"bbox\" must be west,south,east,north")]
    [InlineData("/api/v1/services?zip=00000", "zip", "The parameter \"zip\" is not a Chicago ZIP code: \"00000\".")]
    [InlineData("/api/v1/services?q=food&page=9999", "page", "The parameter \"page\" is past the end")]
    [InlineData("/api/v1/services?radius=900&near=41.8,-87.6", "radius", "The parameter \"radius\" must be a number of kilometers from 0.5 to 50.")]
    [InlineData("/api/v1/services.geojson?category=nope", "category", "The parameter \"category\" is not a category we know: \"nope\".")]
    [InlineData("/api/v1/services?free=yes", "free", "The parameter \"free\" must be 1 or 0.")]
    [InlineData("/api/v1/services?zip=60623&area=pilsen", "area", "The parameters \"zip\" and \"area\" cannot be used together")]
    [InlineData("/api/v1/services?lang=de", "lang", "The parameter \"lang\" must be one of en, es, pl, zh, ar.")]
    [InlineData("/api/v1/services?near=41.8,-87.6&radius=NaN", "radius", "The parameter \"radius\" must be a number")]
    public async Task A_bad_parameter_is_a_400_problem_keyed_by_the_parameter(string url, string parameter, string message)
    {
        var (response, body) = await GetJsonAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith(message, body.GetProperty("errors").GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_api_path_is_a_404_problem()
    {
        var response = await app.CreateClient().GetAsync("/api/v1/nothing-here", Token);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_openapi_document_describes_both_endpoints()
    {
        var document = await app.CreateClient().GetStringAsync("/api/v1/openapi.json", Token);
        Assert.Contains("\"/api/v1/services\"", document, StringComparison.Ordinal);
        Assert.Contains("\"/api/v1/services.geojson\"", document, StringComparison.Ordinal);
    }

    [GeneratedRegex("href=\"/en/service/([0-9a-f-]{36})\"")]
    private static partial Regex ServiceLink();
}
