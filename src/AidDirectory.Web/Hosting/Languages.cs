using System.Globalization;
using Microsoft.Net.Http.Headers;

namespace AidDirectory.Web.Hosting;

/// <summary>The languages the site is written in. The language is the first segment of every public URL.</summary>
internal static class Languages
{
    public const string Default = "en";
    public static readonly IReadOnlyList<string> Supported = ["en", "es"];

    public static bool IsSupported(string? language) =>
        language is not null && Supported.Contains(language, StringComparer.Ordinal);

    public static CultureInfo Culture(string language) => CultureInfo.GetCultureInfo(language);

    /// <summary>The supported language the browser prefers most, by Accept-Language q-values.</summary>
    public static string Preferred(HttpRequest request)
    {
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var candidate in ranked)
        {
            var primary = candidate.Value.Value?.Split('-')[0].ToLowerInvariant();
            if (IsSupported(primary))
            {
                return primary!;
            }
        }

        return Default;
    }

    /// <summary>The language of a path such as <c>/es/category/food</c>, or null.</summary>
    public static string? OfPath(PathString path)
    {
        var first = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return IsSupported(first) ? first : null;
    }

    /// <summary>The same path in another language.</summary>
    public static string SwitchPath(PathString path, string language)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        return "/" + string.Join('/', IsSupported(segments.FirstOrDefault()) ? [language, .. segments.Skip(1)] : [language]) + (segments.Length <= 1 ? "/" : "");
    }
}

/// <summary>Route constraint <c>{lang:lang}</c>: only supported languages match, anything else is a 404.</summary>
internal sealed class LanguageRouteConstraint : IRouteConstraint
{
    public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
        Languages.IsSupported(values.TryGetValue(routeKey, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null);
}

/// <summary>Vary on Accept-Language for the one response that depends on it (the redirect from <c>/</c>).</summary>
internal static class LanguageHeaders
{
    public static void VaryByLanguage(HttpResponse response) => response.Headers.Append(HeaderNames.Vary, HeaderNames.AcceptLanguage);
}
