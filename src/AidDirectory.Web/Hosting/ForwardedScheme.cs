namespace AidDirectory.Web.Hosting;

/// <summary>
/// The forwarded-headers middleware takes a trusted proxy's X-Forwarded-Proto as it comes (any word that is a
/// valid URI scheme, <c>javascript</c> included). Only <c>http</c> and <c>https</c> are schemes this site is
/// reached by; anything else is refused with a 400 before it can reach a link, a redirect or the HSTS decision.
/// The log line says that it happened, never the value sent.
/// </summary>
internal sealed partial class ForwardedScheme(RequestDelegate next, ILogger<ForwardedScheme> logger)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Scheme is "http" or "https")
        {
            return next(context);
        }

        Refused(logger);
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync("X-Forwarded-Proto must be http or https.", context.RequestAborted);
    }

    [LoggerMessage(1003, LogLevel.Warning, "Refused a request whose trusted proxy forwarded a scheme other than http or https (X-Forwarded-Proto); check the proxy's configuration")]
    private static partial void Refused(ILogger logger);
}
