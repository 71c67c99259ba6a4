extern alias web;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace AidDirectory.Benchmarks;

/// <summary>
/// The real site in this process, as the HTTP benchmarks measure it: SQLite on a file of its own with the
/// Chicago sample data, logging only warnings. The file goes when the site is disposed.
/// </summary>
internal sealed class BenchmarkSite : WebApplicationFactory<web::Program>
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aid-benchmark-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSolutionRelativeContentRoot("src/AidDirectory.Web");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Directory", $"Data Source={_file}");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
