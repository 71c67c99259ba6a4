using System.Net;
using AidDirectory.Web.Tests.Infrastructure;
using NodaTime;

namespace AidDirectory.Web.Tests.Search;

/// <summary>A category's listings page, through HTTP on a real database. Runs on SQLite and on PostgreSQL.</summary>
public abstract class CategoryPageTests(DirectoryApp app)
{
    [Fact]
    public async Task A_category_page_shows_each_listing_with_open_now_worked_out_from_its_hours()
    {
        var id = await app.WithDatabaseAsync(db => new TestListing("Aaa Test Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).InCategory(db, "food").SaveAsync(db));
        var (status, html, _) = await app.GetPageAsync("/en/category/food");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/en/service/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Open now, closes at 5:00 PM", html, StringComparison.Ordinal); // Monday noon in Chicago
        Assert.Contains("South Lawndale", html, StringComparison.Ordinal);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteCategoryPageTests(SqliteDirectoryApp app) : CategoryPageTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresCategoryPageTests(PostgresDirectoryApp app) : CategoryPageTests(app);
