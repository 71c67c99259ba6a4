namespace AidDirectory.Web.Hosting;

/// <summary>
/// No log line for a public request may carry an IP address, a query string or a location (design §6.2).
/// The framework's request, routing and handler logs carry full URLs and route values at Information or
/// Debug, so they are raised to Warning here, in code, where configuration cannot lower them again by accident;
/// <see cref="PublicRequestLog"/> writes the one line per request we do want, with the route template only.
/// </summary>
internal static class PrivateLogging
{
    private static readonly string[] Chatty =
    [
        "Microsoft.AspNetCore.Hosting.Diagnostics",
        "Microsoft.AspNetCore.HttpLogging",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Mvc",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.StaticFiles",
        "Microsoft.AspNetCore.Localization",
        "Microsoft.AspNetCore.ResponseCompression",
        "Microsoft.EntityFrameworkCore.Database.Command",
    ];

    public static ILoggingBuilder KeepResidentsOutOfLogs(this ILoggingBuilder logging)
    {
        foreach (var category in Chatty)
        {
            logging.AddFilter(category, LogLevel.Warning);
        }

        return logging;
    }
}
