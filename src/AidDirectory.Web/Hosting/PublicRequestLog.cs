using System.Diagnostics;

namespace AidDirectory.Web.Hosting;

/// <summary>One line per request: method, the route template (never the path or query), status and time.</summary>
internal sealed partial class PublicRequestLog(RequestDelegate next, ILogger<PublicRequestLog> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        await next(context);
        var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)";
        Answered(logger, context.Request.Method, route, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    [LoggerMessage(1001, LogLevel.Information, "{Method} {Route} answered {Status} in {ElapsedMs:F1} ms")]
    private static partial void Answered(ILogger logger, string method, string route, int status, double elapsedMs);
}
