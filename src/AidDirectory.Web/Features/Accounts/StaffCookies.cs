using Microsoft.Net.Http.Headers;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>
/// Keeps cookies off residents' pages (design §6.1). Identity and antiforgery write their cookies for the
/// whole site (<c>path=/</c>); on a portal or admin response each one is rewritten into one copy for
/// <c>/portal</c> and one for <c>/admin</c>, so the browser sends them nowhere else. A public response
/// never sets a cookie at all: anything that tries is dropped here.
/// </summary>
internal sealed class StaffCookies(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (StaffPaths.Contains(context.Request.Path))
        {
            // Signed-in pages show submitters' contact details: no shared cache may keep them.
            // (The same words antiforgery writes, so it need not override them.)
            context.Response.Headers.CacheControl = "no-cache, no-store";
            context.Response.Headers.Pragma = "no-cache";
        }

        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (headers.SetCookie.Count == 0)
            {
                return Task.CompletedTask;
            }

            // A page re-executed for an error keeps the path the visitor asked for.
            var path = context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>()?.OriginalPath is { } original
                ? new PathString(original)
                : context.Request.Path;
            if (!StaffPaths.Contains(path))
            {
                headers.Remove(HeaderNames.SetCookie);
                return Task.CompletedTask;
            }

            var scoped = new List<string>();
            foreach (var cookie in SetCookieHeaderValue.ParseList(headers.SetCookie))
            {
                foreach (var area in new[] { StaffPaths.Portal, StaffPaths.Admin })
                {
                    cookie.Path = area.Value;
                    scoped.Add(cookie.ToString());
                }
            }

            headers.SetCookie = scoped.ToArray();
            return Task.CompletedTask;
        });
        return next(context);
    }
}
