using System.Net;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Errors;

/// <summary>Bad parameters, unknown listings and unknown languages get an error page in the reader's language, never a 500. Runs on SQLite and on PostgreSQL.</summary>
public abstract class ErrorPageTests(DirectoryApp app)
{
    [Theory]
    [InlineData("/en/category/food?page=abc", HttpStatusCode.BadRequest, "The parameter \"page\" must be a whole number from 1 to 10000.")]
    [InlineData("/en/category/food?page=0", HttpStatusCode.BadRequest, "The parameter \"page\" must be a whole number")]
    [InlineData("/es/category/food?page=999", HttpStatusCode.BadRequest, "El parámetro \"page\" está fuera de rango")]
    [InlineData("/en/search?q=library&page=-1", HttpStatusCode.BadRequest, "The parameter \"page\"")]
    [InlineData("/es/neighborhood/no-such-place", HttpStatusCode.NotFound, "No encontramos esta página")]
    [InlineData("/en/category/no-such-category", HttpStatusCode.NotFound, "We could not find this page")]
    [InlineData("/en/service/not-a-guid", HttpStatusCode.NotFound, "We could not find this page")]
    public async Task A_malformed_or_impossible_parameter_gets_a_clear_answer_never_a_500(string url, HttpStatusCode expected, string message)
    {
        var (status, html, _) = await app.GetPageAsync(url);
        Assert.Equal(expected, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_listing_is_a_404_page_in_the_readers_language_with_a_way_back()
    {
        var (status, html, _) = await app.GetPageAsync($"/es/service/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No encontramos esta página", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/es/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_is_a_404_page_with_a_way_back()
    {
        var (status, html, _) = await app.GetPageAsync("/fr/category/food");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("href=\"/en/\"", html, StringComparison.Ordinal);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteErrorPageTests(SqliteDirectoryApp app) : ErrorPageTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresErrorPageTests(PostgresDirectoryApp app) : ErrorPageTests(app);
