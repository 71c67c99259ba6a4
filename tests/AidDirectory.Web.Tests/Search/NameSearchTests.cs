using System.Net;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Search;

/// <summary>Finding a listing by its name on the results page, with data saved through either database. Runs on SQLite and on PostgreSQL.</summary>
public abstract class NameSearchTests(DirectoryApp app)
{
    [Fact]
    public async Task Searching_by_name_ignores_case_and_accents()
    {
        await app.WithDatabaseAsync(db => new TestListing("Clínica Comunitaria Prueba").SaveAsync(db));
        var (status, html, _) = await app.GetPageAsync("/es/search?q=CLINICA+comunitaria");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Clínica Comunitaria Prueba", html, StringComparison.Ordinal);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteNameSearchTests(SqliteDirectoryApp app) : NameSearchTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresNameSearchTests(PostgresDirectoryApp app) : NameSearchTests(app);
