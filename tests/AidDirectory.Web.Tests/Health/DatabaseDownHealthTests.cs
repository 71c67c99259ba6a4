using System.Net;
using AidDirectory.Data;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace AidDirectory.Web.Tests.Health;

/// <summary>
/// With the PostgreSQL server gone, the process still answers searches from its index, so its health says
/// "degraded" with a 200 instead of a 500 that would make a load balancer pull it.
/// </summary>
public sealed class DatabaseDownHealthTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_is_a_200_that_says_degraded_when_the_postgres_server_is_stopped()
    {
        await using var site = new PostgresDirectoryApp();
        await site.InitializeAsync();
        site.SkipIfUnavailable();
        Assert.SkipWhen(site.CannotStop is not null, site.CannotStop ?? "");
        var client = site.CreateClient();
        Assert.Contains("\"status\":\"ok\"", await client.GetStringAsync("/api/v1/health", Token), StringComparison.Ordinal); // up first, so the next part can fail

        await site.StopDatabaseAsync(Token);

        var response = await client.GetAsync("/api/v1/health", Token);
        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("\"status\":\"degraded\"", body, StringComparison.Ordinal);
        Assert.Contains("\"databaseReachable\":false", body, StringComparison.Ordinal);

        // Search still answers from the index, so the process stays in rotation, and says why.
        var ready = await client.GetAsync("/readyz", Token);
        var readyBody = await ready.Content.ReadAsStringAsync(Token);
        Assert.True(ready.StatusCode == HttpStatusCode.OK, $"{(int)ready.StatusCode}: {readyBody}");
        Assert.Contains("\"databaseReachable\":false", readyBody, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz", Token)).StatusCode);
    }

    [Fact]
    public async Task Readiness_stays_200_and_says_the_database_is_unreachable_when_the_sqlite_file_is_gone()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aid-ready-{Guid.NewGuid():N}.db");
        await using var site = new FileApp(file);
        _ = site.Services; // started: migrated, seeded, index loaded
        SqliteConnection.ClearAllPools();
        File.Delete(file);
        Directory.CreateDirectory(file); // the database cannot be opened, nor quietly created again
        try
        {
            var response = await site.CreateClient().GetAsync("/readyz", Token);

            var body = await response.Content.ReadAsStringAsync(Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
            Assert.Contains("\"status\":\"ready-database-unreachable\"", body, StringComparison.Ordinal);
            Assert.Contains("\"databaseReachable\":false", body, StringComparison.Ordinal);
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
            var health = await site.CreateClient().GetStringAsync("/api/v1/health", Token);
            Assert.Contains("\"status\":\"degraded\"", health, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(file);
        }
    }

    /// <summary>The site on a SQLite file this test takes away.</summary>
    private sealed class FileApp(string file) : DirectoryApp
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override string ConnectionString => $"Data Source={file}";

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            GC.SuppressFinalize(this);
        }
    }
}
