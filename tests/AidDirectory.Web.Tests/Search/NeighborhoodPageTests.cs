using System.Net;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Search;

/// <summary>A community area's listings page, through HTTP on a real database. Runs on SQLite and on PostgreSQL.</summary>
public abstract class NeighborhoodPageTests(DirectoryApp app)
{
    [Fact]
    public async Task A_neighbourhood_page_lists_what_is_in_that_community_area()
    {
        await app.WithDatabaseAsync(db => new TestListing("Aaaa Little Village Test Clinic").SaveAsync(db)); // sorts onto the first page
        var (status, html, _) = await app.GetPageAsync("/es/neighborhood/south-lawndale");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1><bdi>South Lawndale</bdi> (<bdi>La Villita / Little Village</bdi>)</h1>", html, StringComparison.Ordinal);
        Assert.Contains("La Villita", html, StringComparison.Ordinal);
        Assert.Contains("Aaaa Little Village Test Clinic", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neighbourhood_page_names_the_neighbourhoods_in_it_but_not_in_a_script_the_reader_does_not_read()
    {
        var (status, html, _) = await app.GetPageAsync("/en/neighborhood/armour-square");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1><bdi>Armour Square</bdi> (<bdi>Chinatown</bdi>)</h1>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("唐人街", html, StringComparison.Ordinal);
        var (_, westTown, _) = await app.GetPageAsync("/es/neighborhood/west-town");
        Assert.Contains("Wicker Park", westTown, StringComparison.Ordinal);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteNeighborhoodPageTests(SqliteDirectoryApp app) : NeighborhoodPageTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresNeighborhoodPageTests(PostgresDirectoryApp app) : NeighborhoodPageTests(app);
