using System.Net;
using System.Text.RegularExpressions;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Home;

/// <summary>The root and the home page in each language, through HTTP on a real database. Runs on SQLite and on PostgreSQL.</summary>
public abstract class HomePageTests(DirectoryApp app)
{
    [Fact]
    public async Task The_root_sends_a_spanish_browser_to_the_spanish_home_page_and_says_it_varies_by_language()
    {
        var (status, _, response) = await app.GetPageAsync("/", "es-MX,es;q=0.9,en;q=0.5");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/es/", response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var (_, _, english) = await app.GetPageAsync("/", "fr-FR,fr;q=0.9");
        Assert.Equal("/en/", english.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_spanish_home_page_lists_categories_with_counts_and_every_neighbourhood()
    {
        var (status, html, _) = await app.GetPageAsync("/es/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("Encuentre ayuda en Chicago", html, StringComparison.Ordinal);
        Assert.Matches(@"href=""/es/category/food"">Comida <span class=""n"">\(\d+\)</span>", html);
        Assert.Equal(77, Regex.Count(html, "href=\"/es/neighborhood/"));
        Assert.Contains("href=\"/en/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_home_page_shows_the_name_residents_use_beside_the_official_one()
    {
        var (_, html, _) = await app.GetPageAsync("/en/");
        Assert.Contains("><bdi>South Lawndale</bdi> (<bdi>La Villita / Little Village</bdi>)</a>", html, StringComparison.Ordinal);
        Assert.Contains("><bdi>Lower West Side</bdi> (<bdi>Pilsen</bdi>)</a>", html, StringComparison.Ordinal);
        Assert.Contains("><bdi>Armour Square</bdi> (<bdi>Chinatown</bdi>)</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Albany Park</a>", html, StringComparison.Ordinal); // its Arabic name is for readers of Arabic
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteHomePageTests(SqliteDirectoryApp app) : HomePageTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresHomePageTests(PostgresDirectoryApp app) : HomePageTests(app);
