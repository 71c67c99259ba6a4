using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Net.Http.Headers;

namespace AidDirectory.Web.Hosting;

/// <summary>
/// One language of the site: <paramref name="Tag"/> is the first segment of its URLs and the suffix of its resource
/// files (UiText.<c>tag</c>.resx); <paramref name="CultureName"/> is the .NET culture that formats its dates and numbers.
/// </summary>
internal sealed record SiteLanguage(string Tag, string CultureName)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(CultureName);
}

/// <summary>The languages the site is written in. The language is the first segment of every public URL.</summary>
internal static class Languages
{
    public const string Default = "en";

    /// <summary>
    /// Every language of the public site. Adding one takes its resource files and one line here, for example
    /// <c>new("zh-Hant", "zh-Hant")</c> for Traditional Chinese (see README, "Adding a language").
    /// Chinese formats with <c>zh-Hans</c>: plain <c>zh</c> formats some dates and relative times in English.
    /// </summary>
    public static readonly IReadOnlyList<SiteLanguage> All =
    [
        new("en", "en"),
        new("es", "es"),
        new("pl", "pl"),
        new("zh", "zh-Hans"),
        new("ar", "ar"),
    ];

    public static readonly IReadOnlyList<string> Supported = [.. All.Select(l => l.Tag)];

    /// <summary>Browser tags for Chinese in Traditional characters: they mean <c>zh-Hant</c> once the site has it.</summary>
    private static readonly string[] TraditionalChinese = ["zh-hant", "zh-tw", "zh-hk", "zh-mo"];

    public static bool IsSupported(string? language) =>
        language is not null && Supported.Contains(language, StringComparer.Ordinal);

    public static CultureInfo Culture(string language) =>
        All.FirstOrDefault(l => l.Tag == language)?.Culture ?? CultureInfo.GetCultureInfo(language);

    /// <summary>The language of the page being written, from the request's UI culture.</summary>
    public static string Current =>
        All.FirstOrDefault(l => string.Equals(l.CultureName, CultureInfo.CurrentUICulture.Name, StringComparison.OrdinalIgnoreCase))?.Tag ?? Default;

    /// <summary>The value of the <c>lang</c> attribute for a language: its full culture, such as <c>zh-Hans</c>.</summary>
    public static string HtmlLang(string language) => All.FirstOrDefault(l => l.Tag == language)?.CultureName ?? language;

    public static bool IsRightToLeft(string language) => Culture(language).TextInfo.IsRightToLeft;

    /// <summary>
    /// The supported language the browser prefers most, by Accept-Language q-values (ties keep the browser's order),
    /// matching the whole tag first, then Traditional Chinese by script or region, then the primary subtag.
    /// </summary>
    public static string Preferred(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ranked = request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Quality is null or > 0)
            .OrderByDescending(l => l.Quality ?? 1);
        foreach (var candidate in ranked)
        {
            if (Match(candidate.Value.Value) is { } language)
            {
                return language;
            }
        }

        return Default;
    }

    /// <summary>The supported language for one browser tag such as <c>es-MX</c> or <c>zh-TW</c>, or null.</summary>
    public static string? Match(string? tag) => Match(tag, Supported);

    /// <summary>The language of <paramref name="supported"/> for one browser tag, or null.</summary>
    internal static string? Match(string? tag, IReadOnlyList<string> supported)
    {
        if (string.IsNullOrEmpty(tag) || tag == "*")
        {
            return null;
        }

        var lower = tag.ToLowerInvariant();
        if (supported.FirstOrDefault(s => string.Equals(s, tag, StringComparison.OrdinalIgnoreCase)) is { } exact)
        {
            return exact;
        }

        if (TraditionalChinese.Any(t => lower == t || lower.StartsWith(t + "-", StringComparison.Ordinal))
            && supported.FirstOrDefault(s => string.Equals(s, "zh-Hant", StringComparison.OrdinalIgnoreCase)) is { } traditional)
        {
            return traditional;
        }

        var primary = lower.Split('-')[0];
        return supported.Contains(primary, StringComparer.Ordinal) ? primary : null;
    }

    /// <summary>The language of a path such as <c>/es/category/food</c>, or null.</summary>
    public static string? OfPath(PathString path)
    {
        var first = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return IsSupported(first) ? first : null;
    }

    /// <summary>The same page in another language: same path after the language, same query string.</summary>
    public static string SwitchPath(PathString path, string language, QueryString query = default)
    {
        var segments = path.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) ?? [];
        if (!IsSupported(segments.FirstOrDefault()))
        {
            return "/" + language + "/";
        }

        return "/" + string.Join('/', [language, .. segments.Skip(1)]) + (segments.Length <= 1 ? "/" : "") + query.Value;
    }

    /// <summary>The request's culture from the language in its URL (<c>{lang}</c>), mapped to the language's formatting culture.</summary>
    public static Task<ProviderCultureResult?> FromRoute(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var language = context.GetRouteValue("lang") as string;
        return Task.FromResult(IsSupported(language) ? new ProviderCultureResult(Culture(language!).Name) : null);
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
