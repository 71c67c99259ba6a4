using AidDirectory.Search.Indexing;
using AidDirectory.Web.Features.Drawing;
using AidDirectory.Web.Features.Map;
using AidDirectory.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// <c>/{lang}/maps/search.png</c>: the map the results page shows without JavaScript, numbered as the list
/// is. Same parameters as the page it belongs to.
/// </summary>
public static class ResultsMapApi
{
    public static void MapResultsMapApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/{lang:lang}/maps/search.png", OfSearch).WithTags("Map").ExcludeFromDescription();

    private static IResult OfSearch(string lang, HttpRequest request, PublishedListingIndex index, SearchCards cards, StaticMaps maps, IStringLocalizer<UiText> text, HttpResponse response)
    {
        var problems = new List<SearchRequest.Problem>();
        var query = SearchRequest.Parse(request.Query, lang, index, problems);
        if (problems.Count > 0)
        {
            return TypedResults.Problem(string.Join(" ", problems.Select(p => text[p.Reason, p.Arguments].Value)), statusCode: StatusCodes.Status400BadRequest, title: text["Problem_BadRequest"]);
        }

        var results = index.Search(query);
        var markers = cards.Of(results, lang).Select(card => MapMarker.Of(card.Location, card.Number)).OfType<MapMarker>().ToList();
        // Drawn from what a resident searched for: never kept, here or in a cache on the way.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(maps.OfResults(markers, query.Near ?? results.Place?.Point, text["Map_Boundaries"], StaticMapApi.RightToLeft), StaticMapApi.MediaType);
    }
}
