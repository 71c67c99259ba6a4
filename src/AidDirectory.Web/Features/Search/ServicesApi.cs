using System.Globalization;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// <c>/api/v1/services</c> (JSON, paged) and <c>/api/v1/services.geojson</c> (every match, for the map).
/// Both read their parameters through <see cref="SearchRequest"/>, like the results page, so the three agree.
/// </summary>
public static class ServicesApi
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    public static RouteGroupBuilder MapServicesApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Services");
        api.MapGet("/services", Search).WithName("SearchServices")
            .WithSummary("Search published services: the same parameters as the results page.")
            .AddOpenApiOperationTransformer(SearchParameters.DescribeAsync);
        api.MapGet("/services.geojson", Map).WithName("MapServices")
            .WithSummary("Every published service matching the search that has a point residents may see, as a GeoJSON FeatureCollection ([longitude, latitude]).")
            .AddOpenApiOperationTransformer(SearchParameters.DescribeAsync);
        return api;
    }

    internal static Results<Ok<ServicesPage>, ValidationProblem> Search(
        HttpRequest request, PublishedListingIndex index, SearchCards cards, IStringLocalizer<UiText> text)
    {
        var (query, errors) = Parse(request, index, text, allPages: false);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var results = index.Search(query!);
        if (results.Total > 0 && results.Page > results.PageCount)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = [text["Problem_PastTheEnd", results.PageCount]] });
        }

        return TypedResults.Ok(new ServicesPage(
            results.Total, results.Page, results.PageCount, results.Place?.Key,
            results.CategoryCounts.Select(c => new CategoryCount(c.Category, c.Count)).ToList(),
            cards.Of(results, query!.Language).Select(ServiceSummary.Of).ToList()));
    }

    internal static Results<JsonHttpResult<FeatureCollection>, ValidationProblem> Map(
        HttpRequest request, PublishedListingIndex index, SearchCards cards, IStringLocalizer<UiText> text)
    {
        var (query, errors) = Parse(request, index, text, allPages: true);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var features = new FeatureCollection();
        foreach (var card in cards.Of(index.Search(query!), query!.Language))
        {
            if (card.Location is not { Latitude: { } lat, Longitude: { } lon })
            {
                continue;
            }

            features.Add(new Feature(Wgs84.CreatePoint(new Coordinate(lon, lat)), new AttributesTable
            {
                { "id", card.Id },
                { "name", card.Name.Text },
                { "category", card.MainCategory },
                { "open_now", card.Opening.IsOpen },
                { "approximate", card.IsApproximate },
                { "url", card.Url },
            }));
        }

        return TypedResults.Json(features, GeoJson.Options, contentType: GeoJson.MediaType);
    }

    private static (SearchQuery? Query, Dictionary<string, string[]>? Errors) Parse(HttpRequest request, PublishedListingIndex index, IStringLocalizer<UiText> text, bool allPages)
    {
        var asked = request.Query[SearchParameters.Language.Name].ToString();
        var language = Hosting.Languages.IsSupported(asked) ? asked : Hosting.Languages.Default;
        // Problems are written in the language asked for (English by default), like the page's.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Hosting.Languages.Culture(language);
        var problems = new List<SearchRequest.Problem>();
        var query = SearchRequest.Parse(request.Query, language, index, problems) with { AllPages = allPages };
        if (asked.Length > 0 && !Hosting.Languages.IsSupported(asked))
        {
            problems.Add(new(SearchParameters.Language.Name, "Problem_Language", [string.Join(", ", Hosting.Languages.Supported)]));
        }

        return problems.Count == 0
            ? (query, null)
            : (null, problems.GroupBy(p => p.Parameter, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => text[p.Reason, p.Arguments].Value).ToArray(), StringComparer.Ordinal));
    }
}
