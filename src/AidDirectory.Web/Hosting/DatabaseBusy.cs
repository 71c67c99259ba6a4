using Microsoft.Data.Sqlite;
using Npgsql;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// A write that waited on another's database lock past <c>Database:LockTimeoutSeconds</c> is answered 503 with
/// Retry-After, never 500: the transaction it was in was rolled back, so nothing of the request was saved, and
/// sending it again in a moment will do. Pages get the error page in the reader's language; /api a ProblemDetails.
/// </summary>
internal sealed partial class DatabaseBusy(RequestDelegate next, ILogger<DatabaseBusy> logger)
{
    public const int RetryAfterSeconds = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception busy) when (IsLockTimeout(busy) && !context.Response.HasStarted)
        {
            TimedOut(logger, context.Request.Method);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "The directory is busy",
                    detail: $"Another change was being saved and this request waited too long for it. Nothing of this request was saved; send it again in {RetryAfterSeconds} seconds.")
                    .ExecuteAsync(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable; // the status-code page explains, in the reader's language
        }
    }

    /// <summary>SQLite still busy or locked after its busy timeout; PostgreSQL's lock_timeout (55P03) or a command that timed out.</summary>
    public static bool IsLockTimeout(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SqliteException { SqliteErrorCode: 5 or 6 } or PostgresException { SqlState: PostgresErrorCodes.LockNotAvailable } or NpgsqlException { InnerException: TimeoutException })
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(1004, LogLevel.Warning, "A {Method} request waited on a database lock past Database:LockTimeoutSeconds; answered 503 with Retry-After, nothing saved")]
    private static partial void TimedOut(ILogger logger, string method);
}
