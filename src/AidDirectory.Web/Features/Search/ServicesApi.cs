using System.Globalization;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Localization;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NodaTime.Text;

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
            .WithSummary("Search published services: the same parameters as the results page (q, category, zip, area, near, radius, speaks, free, documents, no_status_question, walk_in, delivery, wheelchair, open_now, page, lang).");
        api.MapGet("/services.geojson", Map).WithName("MapServices")
            .WithSummary("Every published service matching the search that has a point residents may see, as a GeoJSON FeatureCollection ([longitude, latitude]).");
        return api;
    }

    internal static Results<Ok<ServicesPage>, ValidationProblem> Search(
        HttpRequest request, PublishedListingIndex index, OpenNow openNow, IStringLocalizer<UiText> text)
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
            results.Hits.Select(h => Summary(h, query!.Language, openNow)).ToList()));
    }

    internal static Results<JsonHttpResult<FeatureCollection>, ValidationProblem> Map(
        HttpRequest request, PublishedListingIndex index, OpenNow openNow, IStringLocalizer<UiText> text)
    {
        var (query, errors) = Parse(request, index, text, allPages: true);
        if (errors is not null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var features = new FeatureCollection();
        foreach (var hit in index.Search(query!).Hits)
        {
            if (hit.Listing.Location is not { Latitude: { } lat, Longitude: { } lon })
            {
                continue;
            }

            var s = hit.Listing.Service;
            features.Add(new Feature(Wgs84.CreatePoint(new Coordinate(lon, lat)), new AttributesTable
            {
                { "id", s.Id },
                { "name", s.Name },
                { "category", s.Categories.OrderBy(c => c.SortOrder).Select(c => c.Code).FirstOrDefault() ?? "" },
                { "open_now", openNow.StateOf(new OpeningHours(s.Schedules), s.Status).IsOpen },
                { "approximate", hit.Listing.Location.Visibility != Core.Locations.LocationVisibility.Exact },
                { "url", $"/{query!.Language}/service/{s.Id}" },
            }));
        }

        return TypedResults.Json(features, GeoJson.Options, contentType: GeoJson.MediaType);
    }

    private static (SearchQuery? Query, Dictionary<string, string[]>? Errors) Parse(HttpRequest request, PublishedListingIndex index, IStringLocalizer<UiText> text, bool allPages)
    {
        var asked = request.Query["lang"].ToString();
        var language = asked is "es" ? "es" : "en";
        // Problems are written in the language asked for (English by default), like the page's.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        var problems = new List<SearchRequest.Problem>();
        var query = SearchRequest.Parse(request.Query, language, index, problems) with { AllPages = allPages };
        if (asked.Length > 0 && !Hosting.Languages.IsSupported(asked))
        {
            problems.Add(new("lang", "Problem_Language", [string.Join(", ", Hosting.Languages.Supported)]));
        }

        return problems.Count == 0
            ? (query, null)
            : (null, problems.GroupBy(p => p.Parameter, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Select(p => text[p.Reason, p.Arguments].Value).ToArray(), StringComparer.Ordinal));
    }

    private static ServiceSummary Summary(SearchHit hit, string language, OpenNow openNow)
    {
        var s = hit.Listing.Service;
        var state = openNow.StateOf(new OpeningHours(s.Schedules), s.Status);
        var local = LocalDateTimePattern.GeneralIso;
        return new ServiceSummary(
            s.Id,
            s.NameTranslations.For(language, s.WrittenIn)?.Text ?? s.Name,
            s.Organization.Name,
            s.Categories.OrderBy(c => c.SortOrder).Select(c => c.Code).ToList(),
            hit.Listing.Neighborhood,
            hit.Listing.Location?.Latitude,
            hit.Listing.Location?.Longitude,
            hit.DistanceKm is { } km ? Math.Round(km, 2) : null,
            state.IsOpen,
            state.ClosesAt is { } closes ? local.Format(closes) : null,
            state.OpensAt is { } opens ? local.Format(opens) : null,
            s.Status.ToString(),
            s.Cost?.ToString(),
            s.Languages,
            s.LastVerifiedAt is { } verified ? InstantPattern.General.Format(verified) : null,
            hit.Listing.SourceAsOf is { } asOf ? LocalDatePattern.Iso.Format(asOf) : null,
            $"/{language}/service/{s.Id}");
    }
}
