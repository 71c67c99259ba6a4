using AidDirectory.Web.Features.Shared;

namespace AidDirectory.Web.Features.Map;

/// <summary><c>/api/v1/areas.geojson</c>: the community areas' outlines the browser map draws as its base layer.</summary>
public static class MapApi
{
    public static RouteGroupBuilder MapMapApi(this IEndpointRouteBuilder routes)
    {
        var api = routes.MapGroup("/api/v1").WithTags("Map");
        api.MapGet("/areas.geojson", (AreaOutlines outlines, HttpResponse response) =>
        {
            response.Headers.CacheControl = "public, max-age=86400";
            return TypedResults.Bytes(outlines.GeoJsonBytes, GeoJson.MediaType);
        }).WithName("CommunityAreaOutlines")
            .WithSummary("Chicago's 77 community areas as simplified outlines with their number, name and slug: the map's default base layer.");
        return api;
    }
}
