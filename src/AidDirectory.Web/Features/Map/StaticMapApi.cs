using System.Globalization;
using AidDirectory.Search.Indexing;
using AidDirectory.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Map;

/// <summary>
/// <c>/{lang}/maps/service/{id}.png</c>: the server-drawn map the listing page shows. The results page's
/// map (<c>/{lang}/maps/search.png</c>) belongs to search, in <c>Features/Search/ResultsMapApi</c>.
/// </summary>
public static class StaticMapApi
{
    public const string MediaType = "image/png";

    public static void MapStaticMapApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/{lang:lang}/maps/service/{id:guid}.png", OfListing).WithTags("Map").ExcludeFromDescription();

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

    internal static bool RightToLeft => CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft;
}
