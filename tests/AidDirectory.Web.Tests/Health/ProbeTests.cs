using System.Net;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Indexing;
using AidDirectory.Web.Features.Health;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Tests.Health;

/// <summary>Liveness and readiness as a load balancer sees them, on SQLite with the database up.</summary>
public sealed class ProbeTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Liveness_is_a_tiny_200_that_no_cache_keeps()
    {
        var response = await app.CreateClient().GetAsync("/healthz", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"status\":\"alive\"}", await response.Content.ReadAsStringAsync(Token));
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Readiness_is_a_200_once_the_index_is_loaded_and_caught_up()
    {
        var response = await app.CreateClient().GetAsync("/readyz", Token);

        var body = await response.Content.ReadAsStringAsync(Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        Assert.Contains("\"status\":\"ready\"", body, StringComparison.Ordinal);
        Assert.Contains("\"databaseReachable\":true", body, StringComparison.Ordinal);
        Assert.Contains("\"indexBehindBy\":0", body, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
    }

    [Fact]
    public async Task Readiness_is_a_503_problem_before_the_index_has_ever_loaded()
    {
        // The site loads its index before it listens, so over HTTP this moment cannot be caught; the handler
        // is asked directly with an index that was never loaded (and no database: it must not need one).
        var empty = new PublishedListingIndex(app.Services.GetRequiredService<OpenNow>());
        var result = await HealthApi.IsReady(null!, empty, Options.Create(new HealthOptions()), Token);

        var problem = Assert.IsType<ProblemHttpResult>(result.Result);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, problem.StatusCode);
        Assert.Equal("Not ready for residents' requests", problem.ProblemDetails.Title);
        Assert.Contains("has not been loaded", problem.ProblemDetails.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, 0, 0L, false)]       // never loaded, even with the database up and nothing published
    [InlineData(true, 40, 40L, true)]       // caught up
    [InlineData(true, 40, 540L, true)]      // exactly the allowed lag
    [InlineData(true, 40, 541L, false)]     // one step further: stuck, not ready
    [InlineData(true, 40, null, true)]      // database unreachable: search still answers from the index
    [InlineData(false, 0, null, false)]     // nothing loaded and no database: nothing to answer with
    public void Readiness_follows_the_index_and_its_lag_not_the_database_alone(bool loaded, long indexSequence, long? published, bool ready)
    {
        var readiness = Readiness.Decide(loaded, indexSequence, published, maxLag: 500);

        Assert.Equal(ready, readiness.Ready);
        Assert.Equal(published is not null, readiness.DatabaseReachable);
    }

    [Fact]
    public void A_max_index_lag_below_one_stops_the_site_at_start_with_the_valid_range()
    {
        using var broken = app.WithWebHostBuilder(b => b.UseSetting("Health:MaxIndexLag", "0"));

        var error = Assert.Throws<OptionsValidationException>(() => broken.Services);
        Assert.Contains("Health:MaxIndexLag must be a number of publish steps from 1 to 1000000", error.Message, StringComparison.Ordinal);
    }
}
