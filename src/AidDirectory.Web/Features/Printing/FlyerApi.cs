namespace AidDirectory.Web.Features.Printing;

/// <summary><c>/flyers/{language}/{area}/{category}.pdf</c>: a one-page flyer to print and post.</summary>
public static class FlyerApi
{
    public const string MediaType = "application/pdf";

    /// <summary>Every cached flyer carries this tag, so all of them can be dropped at once.</summary>
    public const string CacheTag = "flyers";

    public static void MapFlyerApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/flyers/{language}/{area}/{category}.pdf", (string language, string area, string category, HttpRequest request, Flyers flyers, HttpResponse response) =>
        {
            var flyer = flyers.Compose(language, area, category, SiteRoot(request));
            if (flyer is null)
            {
                return Results.Problem(
                    $"There is no flyer for language '{language}', neighbourhood '{area}' and category '{category}'. Languages: {string.Join(", ", Flyers.Languages)}; choose the rest on /en/flyer.",
                    statusCode: StatusCodes.Status404NotFound, title: "No such flyer");
            }

            response.Headers.ContentDisposition = $"inline; filename=\"flyer-{area}-{category}-{language}.pdf\"";
            response.Headers.CacheControl = "public, max-age=3600";
            return Results.Bytes(flyers.Render(flyer), MediaType);
        }).WithTags("Flyers").ExcludeFromDescription();

    /// <summary>This site's address as the request reached it, for the QR code (a proxy must pass the original host on).</summary>
    public static Uri SiteRoot(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");
    }
}
