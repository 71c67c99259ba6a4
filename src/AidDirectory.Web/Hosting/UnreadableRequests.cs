using Microsoft.AspNetCore.Diagnostics;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// Refuses, with a 400 and before any page or endpoint runs, a request whose query string or form carries a
/// NUL character (U+0000: no person types one, and PostgreSQL cannot store it), a field name with a '[' that
/// is never closed (MVC reads names like <c>a[b]</c> the jQuery way and throws on <c>a[b</c>; no form of ours
/// has one), or whose form body cannot be read at all (a form value the form reader rejects, a broken
/// multipart body). Nothing is saved. Pages get the
/// error page in the reader's language (it reads <see cref="RefusedRequest"/>); /api gets a ProblemDetails.
/// </summary>
internal sealed partial class UnreadableRequests(RequestDelegate next, ILogger<UnreadableRequests> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        // The error page, re-executed for this very request, must not read the body again.
        if (context.Features.Get<RefusedRequest>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null)
        {
            await next(context);
            return;
        }

        if (!IsReadable(context.Request.Query) || (context.Request.HasFormContentType && !await FormIsReadableAsync(context)))
        {
            Refused(logger, context.Request.Method);
            context.Features.Set(new RefusedRequest());
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The request could not be read",
                    detail: "A parameter or form field holds a NUL character (U+0000), a name has a '[' without its ']', or the form body is malformed. Remove the character or send the form again.")
                    .ExecuteAsync(context);
                return;
            }

            context.Response.StatusCode = StatusCodes.Status400BadRequest; // the status-code page explains, in the reader's language
            return;
        }

        await next(context);
    }

    private static async Task<bool> FormIsReadableAsync(HttpContext context)
    {
        try
        {
            // Read once here; the form is kept on the request, so antiforgery and model binding reuse it.
            var form = await context.Request.ReadFormAsync(context.RequestAborted);
            return IsReadable(form);
        }
        catch (InvalidDataException)
        {
            return false; // a NUL in a urlencoded value, a bad multipart header, too many fields
        }
        catch (IOException)
        {
            return false; // a multipart body that ends before its closing boundary
        }
    }

    private static bool IsReadable(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> fields) =>
        !fields.Any(f => f.Key.Contains('\0', StringComparison.Ordinal) || !BracketsClose(f.Key) || f.Value.Any(v => v?.Contains('\0', StringComparison.Ordinal) == true));

    // The same walk as MVC's jQuery name reader (x[], x[0], x[field]): each '[' it reaches needs a ']' after it.
    private static bool BracketsClose(string name)
    {
        for (var open = name.IndexOf('[', StringComparison.Ordinal); open >= 0; )
        {
            var close = name.IndexOf(']', open);
            if (close < 0)
            {
                return false;
            }

            open = name.IndexOf('[', close + 1);
        }

        return true;
    }

    // Only the method: never the path, the query or the body (house style §9).
    [LoggerMessage(1002, LogLevel.Information, "Refused a {Method} request whose query or form could not be read")]
    private static partial void Refused(ILogger logger, string method);
}

/// <summary>Set on a request <see cref="UnreadableRequests"/> refused, so the error page can say why.</summary>
internal sealed class RefusedRequest;
