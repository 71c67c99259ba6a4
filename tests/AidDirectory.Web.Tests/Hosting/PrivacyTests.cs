using System.Text.RegularExpressions;
using AidDirectory.Web.Tests.Infrastructure;
using NodaTime;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>Public pages set no cookie and load nothing from elsewhere, and no log line says what a resident asked. Runs on SQLite and on PostgreSQL.</summary>
public abstract partial class PrivacyTests(DirectoryApp app)
{
    [Theory]
    [InlineData("/en/")]
    [InlineData("/es/")]
    [InlineData("/es/category/legal")]
    [InlineData("/en/neighborhood/south-lawndale")]
    [InlineData("/en/search?q=library")]
    [InlineData("/es/service/00000000-0000-0000-0000-000000000001")]
    [InlineData("/en/category/food?page=abc")]
    [InlineData("/")]
    [InlineData("/en/service/{listing}")]
    public async Task Public_pages_set_no_cookie_and_allow_only_our_own_origin(string url)
    {
        if (url.Contains("{listing}", StringComparison.Ordinal))
        {
            var id = await app.WithDatabaseAsync(db => new TestListing("Cookie Check Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).InCategory(db, "food").SaveAsync(db));
            url = url.Replace("{listing}", id.ToString(), StringComparison.Ordinal);
        }

        var (_, html, response) = await app.GetPageAsync(url);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("https?:|\\*", policy);
        Assert.True(url == "/" || html.Contains("<html", StringComparison.Ordinal), $"{url} has no page");
        Assert.DoesNotMatch(ForeignResource(), html);
    }

    [Fact]
    public async Task No_log_line_carries_what_a_resident_searched_for_or_where()
    {
        var before = app.Logs.GetSnapshot().Count;
        await app.GetPageAsync("/es/search?q=abogado+gratis+41.85");
        await app.GetPageAsync("/en/neighborhood/south-lawndale?page=1");
        var records = app.Logs.GetSnapshot().Skip(before).ToList();
        Assert.Contains(records, r => r.Id.Id == 1001 && r.Message.Contains("{lang:lang}/search", StringComparison.Ordinal));
        // The message, and every scope a provider could print with it (a request path rides in scopes).
        var texts = records.SelectMany(r => r.Scopes.Select(s => s?.ToString() ?? "").Prepend(r.Message)).ToList();
        Assert.DoesNotContain(texts, t =>
            t.Contains("abogado", StringComparison.OrdinalIgnoreCase)
            || t.Contains("41.85", StringComparison.Ordinal)
            || t.Contains("south-lawndale", StringComparison.OrdinalIgnoreCase)
            || t.Contains("?q=", StringComparison.Ordinal)
            || t.Contains("page=", StringComparison.Ordinal));
    }

    // A script, stylesheet, image, frame or font fetched from any other origin.
    [GeneratedRegex("<(script|link|img|iframe|source|object)\\b[^>]*(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignResource();
}

[Collection<SqliteResidentSite>]
public sealed class SqlitePrivacyTests(SqliteDirectoryApp app) : PrivacyTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresPrivacyTests(PostgresDirectoryApp app) : PrivacyTests(app);
