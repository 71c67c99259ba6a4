using AidDirectory.Core.Deployment;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Shared;

/// <summary>Where every absolute link the site writes starts.</summary>
public static class SiteRoot
{
    /// <summary>
    /// <c>Deployment:PublicUrl</c> with a trailing slash. Only in Development may it be unset; there the link
    /// follows the request, whose host the host filter has already limited to localhost.
    /// </summary>
    public static Uri Of(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.HttpContext.RequestServices.GetRequiredService<IOptions<DeploymentOptions>>().Value.PublicRoot
            ?? new Uri($"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/");
    }
}
