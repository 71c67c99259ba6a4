using AidDirectory.Web.Features.Map;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// Residents' pages load nothing from another origin (design §6.1): the policy allows only our own origin,
/// so a stray third-party script, font or tile fails loudly in the browser instead of leaking a visit.
/// The one exception is a tile server the operator configured (<see cref="MapOptions"/>), for images only.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next, IOptions<MapOptions> map)
{
    private readonly string _contentSecurityPolicy = Policy(map.Value.TileOrigin);

    public static string Policy(string? tileOrigin) =>
        "default-src 'self'; script-src 'self'; style-src 'self'; "
        + $"img-src 'self' data:{(tileOrigin is null ? "" : " " + tileOrigin)}; font-src 'self'; "
        + "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    // Text that does not say its encoding is decoded by guessing, and a guess can turn bytes into script. Every text
    // the site serves is UTF-8 (pages, and the style sheet and script that static files send as bare text/css and
    // text/javascript), so say so wherever a handler did not.
    private static Task NameTheCharset(object state)
    {
        var response = (HttpResponse)state;
        if (response.ContentType is { } type && type.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            && !type.Contains("charset=", StringComparison.OrdinalIgnoreCase))
        {
            response.ContentType = type + "; charset=utf-8";
        }

        return Task.CompletedTask;
    }

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = _contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "geolocation=(self), camera=(), microphone=(), interest-cohort=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        context.Response.OnStarting(NameTheCharset, context.Response);
        return next(context);
    }
}
