using AidDirectory.Data.Import;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Data;

/// <summary>The shipped Chicago sample data, the import behind first-run seeding and the CLI, and the migrations.</summary>
public abstract class ImportTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string SampleData => Path.Combine(AppContext.BaseDirectory, "data");

    private async Task<ImportReport> ImportAsync(string folder)
    {
        app.SkipIfUnavailable();
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryImport>().ImportAsync(folder, Token);
    }

    [Fact]
    public async Task First_run_seeded_every_listing_of_every_shipped_source()
    {
        app.SkipIfUnavailable();
        var files = Directory.GetFiles(Path.Combine(SampleData, "services"), "*.ndjson");
        var lines = files.Sum(f => File.ReadAllLines(f).Count(l => l.Length > 0));
        Assert.True(files.Length >= 10, $"only {files.Length} source files shipped");
        var (services, sources, areas, categories) = await app.WithDatabaseAsync(async db => (
            await db.Services.CountAsync(s => !s.ExternalId.StartsWith("test-"), Token),
            await db.Services.Select(s => s.SourceKey).Distinct().CountAsync(Token),
            await db.CommunityAreas.CountAsync(Token),
            await db.TaxonomyTerms.CountAsync(t => t.Taxonomy == "aiddirectory", Token)));
        Assert.Equal(lines, services);
        Assert.Equal(files.Length, sources);
        Assert.Equal(77, areas);
        Assert.Equal(19, categories);
    }

    [Fact]
    public async Task Importing_the_same_data_again_changes_nothing()
    {
        app.SkipIfUnavailable();
        var counter = await app.WithDatabaseAsync(db => db.PublishCounters.Select(c => c.Value).SingleAsync(Token));
        var report = await ImportAsync(SampleData);
        Assert.True(report.Succeeded, string.Join('\n', report.Problems));
        Assert.True(report.Listings > 900, $"{report.Listings} listings");
        Assert.Equal(0, report.Added);
        Assert.Equal(0, report.Updated);
        Assert.Equal(report.Listings, report.Unchanged);
        Assert.Equal(counter, await app.WithDatabaseAsync(db => db.PublishCounters.Select(c => c.Value).SingleAsync(Token)));
        Assert.True(counter > 0);
    }

    [Fact]
    public async Task A_changed_row_updates_its_listing_raises_its_version_and_a_dropped_row_is_closed()
    {
        app.SkipIfUnavailable();
        var folder = CopyOfSampleData();
        try
        {
            var markets = Path.Combine(folder, "services", "farmers-markets.ndjson");
            var lines = File.ReadAllLines(markets).ToList();
            var dropped = System.Text.Json.JsonDocument.Parse(lines[^1]).RootElement.GetProperty("id").GetString()!;
            var renamed = System.Text.Json.JsonDocument.Parse(lines[0]).RootElement.GetProperty("id").GetString()!;
            lines[0] = System.Text.RegularExpressions.Regex.Replace(lines[0], "\"name\":\"[^\"]*\"", "\"name\":\"Renamed Market\"");
            lines.RemoveAt(lines.Count - 1);
            File.WriteAllLines(markets, lines);

            var report = await ImportAsync(folder);

            Assert.True(report.Succeeded, string.Join('\n', report.Problems));
            Assert.Equal((0, 1, 1), (report.Added, report.Updated, report.Withdrawn));
            var (name, version, status) = await app.WithDatabaseAsync(async db =>
            {
                var service = await db.Services.AsNoTracking().SingleAsync(s => s.ExternalId == renamed, Token);
                var gone = await db.Services.AsNoTracking().SingleAsync(s => s.ExternalId == dropped, Token);
                return (service.Name, service.Version, gone.Status);
            });
            Assert.Equal(("Renamed Market", 1, Core.Listings.ServiceStatus.Closed), (name, version, status));
        }
        finally
        {
            await ImportAsync(SampleData); // put the sample data back for the other tests
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_bad_row_is_reported_with_its_file_and_line_and_nothing_is_written()
    {
        app.SkipIfUnavailable();
        var folder = CopyOfSampleData();
        try
        {
            var libraries = Path.Combine(folder, "services", "libraries.ndjson");
            var lines = File.ReadAllLines(libraries).ToList();
            var renamed = lines[0].Replace("\"name\":\"Albany Park Library\"", "\"name\":\"Renamed Library\"", StringComparison.Ordinal);
            Assert.NotEqual(lines[0], renamed);
            lines[0] = renamed;
            lines.Add(lines[1].Replace("\"categories\":[\"learning\"", "\"categories\":[\"fod\"", StringComparison.Ordinal)
                .Replace("\"id\":\"cpl-", "\"id\":\"cpl-bad-", StringComparison.Ordinal));
            File.WriteAllLines(libraries, lines);

            var report = await ImportAsync(folder);

            Assert.False(report.Succeeded);
            var problem = Assert.Single(report.Problems);
            Assert.StartsWith($"services/libraries.ndjson:{lines.Count}: category \"fod\" is unknown", problem.ToString(), StringComparison.Ordinal);
            var names = await app.WithDatabaseAsync(db => db.Services.Where(s => s.Name == "Renamed Library").CountAsync(Token));
            Assert.Equal(0, names);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string CopyOfSampleData()
    {
        var folder = Directory.CreateTempSubdirectory("aid-import-").FullName;
        foreach (var file in Directory.GetFiles(SampleData, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(SampleData, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return folder;
    }

    [Fact]
    public async Task The_migrations_match_the_model()
    {
        app.SkipIfUnavailable();
        var pending = await app.WithDatabaseAsync(db => Task.FromResult(db.Database.HasPendingModelChanges()));
        Assert.False(pending);
        var applied = await app.WithDatabaseAsync(async db => (await db.Database.GetAppliedMigrationsAsync(Token)).Count());
        Assert.True(applied >= 1);
    }
}

public sealed class SqliteImportTests(SqliteDirectoryApp app) : ImportTests(app), IClassFixture<SqliteDirectoryApp>;

public sealed class PostgresImportTests(PostgresDirectoryApp app) : ImportTests(app), IClassFixture<PostgresDirectoryApp>;
