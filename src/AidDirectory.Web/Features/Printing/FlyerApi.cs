using System.Diagnostics;
using System.Globalization;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Indexing;

namespace AidDirectory.Web.Features.Printing;

/// <summary><c>/flyers/{language}/{area}/{category}.pdf</c>: a one-page flyer to print and post.</summary>
public static class FlyerApi
{
    public const string MediaType = "application/pdf";

    /// <summary>Every cached flyer carries this tag, so all of them can be dropped at once (the benchmark does).</summary>
    public const string CacheTag = "flyers";

    /// <summary>The output-cache policy for flyers (registered in Hosting/WebHosting.cs).</summary>
    public const string CachePolicy = "Flyers";

    public static void MapFlyerApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/flyers/{language}/{area}/{category}.pdf", DrawAsync)
            .CacheOutput(CachePolicy).WithTags("Flyers").ExcludeFromDescription();

    /// <summary>
    /// What a cached flyer varies by besides its path (and host): the index it was drawn from, since every new
    /// publish sequence may change its listings, and the deployment's date, which it prints.
    /// </summary>
    public static KeyValuePair<string, string> CacheVariant(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = context.RequestServices.GetRequiredService<PublishedListingIndex>();
        var today = context.RequestServices.GetRequiredService<OpenNow>().Today;
        return new("index-day", string.Create(CultureInfo.InvariantCulture, $"{index.Sequence}/{today:uuuu-MM-dd}"));
    }

    internal static async Task<IResult> DrawAsync(string language, string area, string category, HttpRequest request, HttpResponse response,
        Flyers flyers, FlyerDrawingLimit limit, ILogger<Flyer> logger, CancellationToken cancellationToken)
    {
        // Drawing takes a core for a while: wait for a slot, or say at once when too many wait already.
        using var slot = await limit.AcquireAsync(cancellationToken);
        if (!slot.IsAcquired)
        {
            FlyerLog.Refused(logger, limit.Queued);
            response.Headers.RetryAfter = limit.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(
                $"Many flyers are being drawn right now. Try again in {limit.RetryAfterSeconds} seconds; a flyer someone already printed today comes at once.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Flyers are busy");
        }

        var flyer = flyers.Compose(language, area, category, SiteRoot(request));
        if (flyer is null)
        {
            return Results.Problem(
                $"There is no flyer for language '{language}', neighbourhood '{area}' and category '{category}'. Languages: {string.Join(", ", Flyers.Languages)}; choose the rest on /en/flyer.",
                statusCode: StatusCodes.Status404NotFound, title: "No such flyer");
        }

        var start = Stopwatch.GetTimestamp();
        var pdf = flyers.Render(flyer);
        FlyerLog.Drawn(logger, pdf.Length, Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        response.Headers.ContentDisposition = $"inline; filename=\"flyer-{area}-{category}-{language}.pdf\"";
        response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(pdf, MediaType);
    }

    /// <summary>This site's public address (<c>Deployment:PublicUrl</c>), for the QR code and the printed link; never the request's Host.</summary>
    public static Uri SiteRoot(HttpRequest request) => Shared.SiteRoot.Of(request);
}
