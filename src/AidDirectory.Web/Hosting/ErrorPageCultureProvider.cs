using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// The error page has no language in its own URL: it speaks the language of the page that failed
/// (from the original path), else the browser's.
/// </summary>
internal sealed class ErrorPageCultureProvider : RequestCultureProvider
{
    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!httpContext.Request.Path.StartsWithSegments("/error", StringComparison.OrdinalIgnoreCase))
        {
            return NullProviderCultureResult;
        }

        var original = httpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? httpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        var language = Languages.OfPath(new PathString(original)) ?? Languages.Preferred(httpContext.Request);
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(Languages.Culture(language).Name));
    }
}
