using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AidDirectory.Search.Indexing;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Features.Shared;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Primitives;

namespace AidDirectory.Web.Tests.Search;

/// <summary>
/// The OpenAPI document lists every parameter /api/v1/services and its GeoJSON read, with the limits the binder
/// enforces (issue 13, finding 9). Both sides are observed, not taken from the shared description: the names
/// the handler actually asks the query for, and how the live API answers values at each documented limit.
/// </summary>
public sealed class OpenApiTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> Paths => ["/api/v1/services", "/api/v1/services.geojson"];

    private async Task<Dictionary<string, JsonElement>> DocumentedAsync(string path)
    {
        var document = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/openapi.json", Token);
        Assert.True(document.GetProperty("paths").GetProperty(path).GetProperty("get").TryGetProperty("parameters", out var parameters), $"{path} lists no parameters");
        return parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query")
            .ToDictionary(p => p.GetProperty("name").GetString()!, p => p.GetProperty("schema"), StringComparer.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task The_document_lists_exactly_the_parameters_the_handler_reads(string path)
    {
        var documented = await DocumentedAsync(path);
        var read = new RecordingQuery();
        var context = new DefaultHttpContext { RequestServices = app.Services };
        context.Request.Query = read;
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var cards = app.Services.GetRequiredService<SearchCards>();
        var text = app.Services.GetRequiredService<IStringLocalizer<UiText>>();
        _ = path.EndsWith(".geojson", StringComparison.Ordinal)
            ? ServicesApi.Map(context.Request, index, cards, text).Result
            : ServicesApi.Search(context.Request, index, cards, text).Result;

        Assert.NotEmpty(read.Names);
        Assert.Equal(read.Names.Order(StringComparer.Ordinal), documented.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task Every_documented_limit_is_the_one_the_api_enforces(string path)
    {
        var documented = await DocumentedAsync(path);
        var probes = 0;
        foreach (var (name, schema) in documented)
        {
            var type = schema.GetProperty("type").GetString();
            if (schema.TryGetProperty("maximum", out var maximum))
            {
                var step = type == "integer" ? 1 : 0.01;
                await AcceptedAsync(path, name, Number(maximum.GetDouble()));
                await RefusedAsync(path, name, Number(maximum.GetDouble() + step));
                probes++;
            }

            if (schema.TryGetProperty("minimum", out var minimum))
            {
                var step = type == "integer" ? 1 : 0.01;
                await AcceptedAsync(path, name, Number(minimum.GetDouble()));
                await RefusedAsync(path, name, Number(minimum.GetDouble() - step));
                probes++;
            }

            if (schema.TryGetProperty("maxLength", out var maxLength))
            {
                await AcceptedAsync(path, name, new string('a', maxLength.GetInt32()));
                await RefusedAsync(path, name, new string('a', maxLength.GetInt32() + 1));
                probes++;
            }

            if (schema.TryGetProperty("minLength", out var minLength))
            {
                await AcceptedAsync(path, name, new string('a', minLength.GetInt32()));
                await RefusedAsync(path, name, new string('a', minLength.GetInt32() - 1));
                probes++;
            }

            if (schema.TryGetProperty("enum", out var values))
            {
                Assert.NotEmpty(values.EnumerateArray());
                foreach (var value in values.EnumerateArray())
                {
                    await AcceptedAsync(path, name, value.GetString()!);
                }

                await RefusedAsync(path, name, "zz-not-listed");
                probes++;
            }
        }

        // radius, page (max and min), q, speaks, interpretation (both lengths), category, documents, six flags, lang.
        Assert.True(probes >= 18, $"{probes} limits probed");
        Assert.Equal("integer", documented["page"].GetProperty("type").GetString());
        Assert.Equal("number", documented["radius"].GetProperty("type").GetString());
        Assert.Contains(documented["category"].GetProperty("enum").EnumerateArray(), v => v.GetString() == "food");
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);

    private async Task<Dictionary<string, string[]>> ProblemsAsync(string path, string name, string value)
    {
        // Words that match nothing, so a high page is not refused for being past the last page of results.
        var nothing = name == "q" ? "" : "&q=zzqxnothingmatcheszz";
        var response = await app.CreateClient().GetAsync($"{path}?{name}={Uri.EscapeDataString(value)}{nothing}", Token);
        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [];
        }

        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Token);
        return problem.GetProperty("errors").Deserialize<Dictionary<string, string[]>>()!;
    }

    private async Task AcceptedAsync(string path, string name, string value) =>
        Assert.False((await ProblemsAsync(path, name, value)).ContainsKey(name), $"{path}: {name}={value} is documented as allowed but refused");

    private async Task RefusedAsync(string path, string name, string value) =>
        Assert.True((await ProblemsAsync(path, name, value)).ContainsKey(name), $"{path}: {name}={value} is outside the documented limits but accepted");

    /// <summary>An empty query string that remembers every name the handler asks it for.</summary>
    private sealed class RecordingQuery : IQueryCollection
    {
        public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

        public StringValues this[string key]
        {
            get
            {
                Names.Add(key);
                return StringValues.Empty;
            }
        }

        public int Count => 0;

        public ICollection<string> Keys => [];

        public bool ContainsKey(string key)
        {
            Names.Add(key);
            return false;
        }

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out StringValues value)
        {
            Names.Add(key);
            value = StringValues.Empty;
            return false;
        }

        public IEnumerator<KeyValuePair<string, StringValues>> GetEnumerator() => Enumerable.Empty<KeyValuePair<string, StringValues>>().GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
