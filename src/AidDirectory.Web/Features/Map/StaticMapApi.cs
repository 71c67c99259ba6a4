using System.Globalization;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Drawing;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Map;

/// <summary>
/// <c>/{lang}/maps/service/{id}.png</c> and <c>/{lang}/maps/search.png</c>: the server-drawn maps the listing
/// page shows and the results page shows without JavaScript. Same parameters as the page they belong to.
/// </summary>
public static class StaticMapApi
{
    public const string MediaType = "image/png";

    public static void MapStaticMapApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/{lang:lang}/maps/service/{id:guid}.png", OfListing).WithTags("Map").ExcludeFromDescription();
        routes.MapGet("/{lang:lang}/maps/search.png", OfSearch).WithTags("Map").ExcludeFromDescription();
    }

    private static IResult OfListing(Guid id, PublishedListingIndex index, StaticMaps maps, IStringLocalizer<UiText> text, HttpResponse response)
    {
        var png = index.Find(id) is { } listing ? maps.OfPlace(listing.Location, text["Map_Boundaries"], RightToLeft) : null;
        if (png is null)
        {
            return TypedResults.NotFound();
        }

        response.Headers.CacheControl = "public, max-age=3600";
        return TypedResults.Bytes(png, MediaType);
    }

    private static IResult OfSearch(string lang, HttpRequest request, PublishedListingIndex index, StaticMaps maps, IStringLocalizer<UiText> text, HttpResponse response)
    {
        var problems = new List<SearchRequest.Problem>();
        var query = SearchRequest.Parse(request.Query, lang, index, problems);
        if (problems.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", problems.Select(p => text[p.Reason, p.Arguments].Value)), statusCode: StatusCodes.Status400BadRequest, title: text["Problem_BadRequest"]);
        }

        var results = index.Search(query);
        var first = ((results.Page - 1) * SearchQuery.PageSize) + 1;
        var markers = results.Hits.Select((hit, i) => MapMarker.Of(hit.Listing.Location, first + i)).OfType<MapMarker>().ToList();
        // Drawn from what a resident searched for: never kept, here or in a cache on the way.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(maps.OfResults(markers, query.Near ?? results.Place?.Point, text["Map_Boundaries"], RightToLeft), MediaType);
    }

    private static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}
