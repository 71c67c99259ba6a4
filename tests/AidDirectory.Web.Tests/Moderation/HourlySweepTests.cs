using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>The hosted sweep does moderation's hourly chores by itself, with nobody filing or deciding anything.</summary>
public sealed class HourlySweepTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_hour_on_the_site_clock_queues_stale_listings_and_forgets_expired_network_tags()
    {
        // A site of its own, so moving its clock an hour moves no other test's.
        var clock = new FakeTimeProvider(DirectoryApp.Noon);
        await using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        _ = site.Server; // starts the hosted services
        async Task<T> WithDatabaseAsync<T>(Func<DirectoryDbContext, Task<T>> work)
        {
            await using var scope = site.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
        }

        const int oldDay = 1000;
        var report = await WithDatabaseAsync(async db =>
        {
            var service = await db.Services.OrderBy(s => s.Id).Select(s => new { s.Id, s.OrganizationId }).FirstAsync(Token);
            var old = new Submission
            {
                Id = Guid.NewGuid(), Kind = SubmissionKind.ResidentReport, OrganizationId = service.OrganizationId, ServiceId = service.Id,
                Title = "Closed: swept", Snapshot = "{\"reason\":\"Closed\",\"text\":null}", ReportReason = ReportReason.Closed,
                ReporterTag = 77, ReporterKeyDay = oldDay,
                SubmittedAt = Instant.FromDateTimeOffset(clock.GetUtcNow()) - Duration.FromDays(20),
            };
            db.Submissions.Add(old);
            db.ReportKeys.Add(new ReportKey { StartDay = oldDay, Secret = new byte[ReportKey.SecretLength] });
            await db.SaveChangesAsync(Token);
            return old.Id;
        });
        Assert.Equal(0, await WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.Kind == SubmissionKind.StaleListing, Token)));

        clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));

        // The sweep runs on the timer's thread: wait for its effects (never for a time), for half a minute at most.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (await WithDatabaseAsync(db => db.ReportKeys.AnyAsync(k => k.StartDay == oldDay, Token)) && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(50, Token);
        }

        Assert.Null(await WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == report).Select(s => s.ReporterTag).SingleAsync(Token)));
        Assert.False(await WithDatabaseAsync(db => db.ReportKeys.AnyAsync(k => k.StartDay == oldDay, Token)));
        Assert.True(await WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.Kind == SubmissionKind.StaleListing, Token)) > 0);
    }
}
