using AidDirectory.Core.Deployment;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// Keeps a forged Host header out of everything the site writes (issue 13, finding 5): only the host of
/// <see cref="DeploymentOptions.PublicUrl"/> is accepted (400 otherwise; AllowedHosts is derived from it, and
/// Development also lets localhost through), and the sign-in and access-denied redirects start with the public
/// address instead of the request's.
/// </summary>
internal static class PublicAddress
{
    private static readonly string[] LocalHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddPublicAddress(this IServiceCollection services)
    {
        // A non-empty list here wins over the framework's default of reading "AllowedHosts" from configuration.
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<DeploymentOptions>, IHostEnvironment>((o, deployment, environment) =>
        {
            var hosts = new List<string>();
            if (deployment.Value.PublicRoot is { } root)
            {
                hosts.Add(root.IdnHost);
            }

            if (environment.IsDevelopment())
            {
                hosts.AddRange(LocalHosts);
            }

            o.AllowedHosts = hosts;
            o.IncludeFailureMessage = false;
        });
        services.PostConfigureAll<CookieAuthenticationOptions>(o =>
        {
            var events = o.Events;
            var toLogin = events.OnRedirectToLogin;
            var toDenied = events.OnRedirectToAccessDenied;
            var toLogout = events.OnRedirectToLogout;
            var toReturn = events.OnRedirectToReturnUrl;
            events.OnRedirectToLogin = context => toLogin(FromPublicRoot(context));
            events.OnRedirectToAccessDenied = context => toDenied(FromPublicRoot(context));
            events.OnRedirectToLogout = context => toLogout(FromPublicRoot(context));
            events.OnRedirectToReturnUrl = context => toReturn(FromPublicRoot(context));
        });
        return services;
    }

    /// <summary>The cookie handler writes the request's scheme, host and path base in front of its paths; put the public root there instead.</summary>
    private static RedirectContext<CookieAuthenticationOptions> FromPublicRoot(
        RedirectContext<CookieAuthenticationOptions> context)
    {
        var request = context.Request;
        var requestRoot = $"{request.Scheme}://{request.Host.ToUriComponent()}{request.PathBase.ToUriComponent()}/";
        if (context.RedirectUri.StartsWith(requestRoot, StringComparison.Ordinal))
        {
            var root = SiteRoot.Of(request);
            context.RedirectUri = root.AbsoluteUri + context.RedirectUri[requestRoot.Length..];
        }

        return context;
    }
}
