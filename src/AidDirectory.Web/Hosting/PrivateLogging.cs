using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// No log line for a public request may carry an IP address, a query string or a location (design §6.2).
/// The framework's request, routing and handler logs carry full URLs and route values, so they are kept at
/// Warning, and the hosting log (whose scope carries the request path into every other line when a
/// provider prints scopes) is switched off. This is done in code, after configuration is read, for every
/// provider, so a setting such as <c>Logging:Console:LogLevel:Default=Trace</c> cannot reopen them.
/// <see cref="PublicRequestLog"/> writes the one line per request we do want, with the route template only.
/// </summary>
internal static class PrivateLogging
{
    private static readonly (string Category, LogLevel Level)[] Quieted =
    [
        ("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None),
        ("Microsoft.AspNetCore.HttpLogging", LogLevel.None),
        ("Microsoft.AspNetCore.Routing", LogLevel.Warning),
        ("Microsoft.AspNetCore.Mvc", LogLevel.Warning),
        ("Microsoft.AspNetCore.Server.Kestrel", LogLevel.Warning),
        ("Microsoft.AspNetCore.StaticFiles", LogLevel.Warning),
        ("Microsoft.AspNetCore.Localization", LogLevel.Warning),
        ("Microsoft.AspNetCore.ResponseCompression", LogLevel.Warning),
        ("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Warning),
    ];

    public static ILoggingBuilder KeepResidentsOutOfLogs(this ILoggingBuilder logging)
    {
        logging.Services.AddSingleton<IPostConfigureOptions<LoggerFilterOptions>, QuietFramework>();
        return logging;
    }

    // Runs after every configuration source. The most specific rule wins, and a provider's own rules
    // beat rules for all providers, so the quiet rules are added once for all providers and once for each
    // provider that configuration names; added last, they also win any tie.
    private sealed class QuietFramework : IPostConfigureOptions<LoggerFilterOptions>
    {
        public void PostConfigure(string? name, LoggerFilterOptions options)
        {
            var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
            foreach (var provider in providers)
            {
                foreach (var (category, level) in Quieted)
                {
                    options.Rules.Add(new LoggerFilterRule(provider, category, level, filter: null));
                }
            }
        }
    }
}
