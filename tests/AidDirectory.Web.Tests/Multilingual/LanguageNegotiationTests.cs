using System.Net;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Multilingual;

/// <summary>How a browser's Accept-Language picks a language, and what an unknown language prefix gets. Runs on SQLite and on PostgreSQL.</summary>
public abstract class LanguageNegotiationTests(DirectoryApp app)
{
    [Theory]
    [InlineData("pl", "/pl/")]
    [InlineData("pl-PL,pl;q=0.9,en-US;q=0.8", "/pl/")]
    [InlineData("zh-CN,zh;q=0.9", "/zh/")]
    [InlineData("zh-Hans", "/zh/")]
    [InlineData("zh-Hans-CN", "/zh/")]
    [InlineData("zh-TW", "/zh/")] // until the site has zh-Hant
    [InlineData("zh-Hant-HK", "/zh/")]
    [InlineData("ar", "/ar/")]
    [InlineData("ar-EG,ar;q=0.9", "/ar/")]
    [InlineData("es-MX", "/es/")]
    [InlineData("ES-us", "/es/")]
    [InlineData("en-US,en;q=0.9", "/en/")]
    [InlineData("de-DE,de;q=0.9", "/en/")]
    [InlineData("de-DE,pl;q=0.3", "/pl/")]
    [InlineData("en;q=0.5,ar;q=0.8", "/ar/")]
    [InlineData("fr-FR,fr;q=0.9,zh-CN;q=0.7,en;q=0.6", "/zh/")]
    [InlineData("ar;q=0,pl;q=0.1", "/pl/")]
    [InlineData("*", "/en/")]
    [InlineData("", "/en/")]
    public async Task The_root_sends_each_browser_to_the_language_it_prefers(string acceptLanguage, string expected)
    {
        var (status, _, response) = await app.GetPageAsync("/", acceptLanguage.Length == 0 ? null : acceptLanguage);
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("/de/", "pl-PL,pl;q=0.9", "pl", "Nie znaleźliśmy tej strony")]
    [InlineData("/xx/search?q=food", "ar-EG", "ar", "لم نجد هذه الصفحة")]
    [InlineData("/fr/category/food", "zh-TW,zh;q=0.9", "zh-Hans", "我们找不到这个网页")]
    [InlineData("/de/", "de-DE,es;q=0.5", "es", "No encontramos esta página")]
    public async Task An_unknown_language_prefix_is_a_404_in_the_language_the_browser_accepts(string url, string acceptLanguage, string lang, string message)
    {
        var (status, html, response) = await app.GetPageAsync(url, acceptLanguage);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains($"<html lang=\"{lang}\"", html, StringComparison.Ordinal);
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Theory]
    [InlineData("pl", "Parametr \"page\" musi być liczbą całkowitą od 1 do")]
    [InlineData("zh", "参数 \"page\" 必须是 1 到")]
    [InlineData("ar", "يجب أن تكون قيمة \"page\" عددًا صحيحًا من 1 إلى")]
    public async Task The_map_and_search_api_answers_in_the_language_asked_for(string language, string problem)
    {
        var (status, body, _) = await app.GetPageAsync($"/api/v1/services.geojson?lang={language}&page=0");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(problem, System.Text.RegularExpressions.Regex.Unescape(body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_language_switch_keeps_the_page_and_its_query()
    {
        var (_, html, _) = await app.GetPageAsync("/es/search?q=comida&open=1");
        foreach (var other in new[] { "en", "pl", "zh", "ar" })
        {
            Assert.Contains($"href=\"/{other}/search?q=comida&open=1\"", html, StringComparison.Ordinal);
        }

        var (_, category, _) = await app.GetPageAsync("/pl/category/food?page=2");
        Assert.Contains("href=\"/ar/category/food?page=2\"", category, StringComparison.Ordinal);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteLanguageNegotiationTests(SqliteDirectoryApp app) : LanguageNegotiationTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresLanguageNegotiationTests(PostgresDirectoryApp app) : LanguageNegotiationTests(app);
