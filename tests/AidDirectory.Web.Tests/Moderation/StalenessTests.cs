using System.Net;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Moderation;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>Listings past the configured age enter the queue once, their organization is asked, and "still accurate" takes them out.</summary>
public sealed class StalenessTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stale_listing_is_queued_once_its_editors_are_asked_and_confirming_it_takes_it_out()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("stale@staleness.example.org", "Stella");
        var now = app.Clock.GetCurrentInstant();
        var (stale, fresh) = await app.WithDatabaseAsync(async db =>
        {
            var old = new TestListing("Old Confirmed Pantry").InCategory(db, "food");
            old.Service.LastVerifiedAt = now - Duration.FromDays(120);
            var recent = new TestListing("Recently Confirmed Pantry").InCategory(db, "food");
            recent.Service.LastVerifiedAt = now - Duration.FromDays(10);
            var ids = (await old.SaveAsync(db), await recent.SaveAsync(db));
            var user = await db.Users.Where(u => u.Email == "stale@staleness.example.org").Select(u => u.Id).SingleAsync(Token);
            db.OrganizationMembers.Add(new OrganizationMember { UserId = user, OrganizationId = old.Service.OrganizationId });
            await db.SaveChangesAsync(Token);
            return ids;
        });

        Assert.True(await SweepAsync() > 0);
        Assert.Equal(0, await SweepAsync());
        var queued = await app.WithDatabaseAsync(db => db.Submissions
            .Where(s => s.Kind == SubmissionKind.StaleListing && (s.ServiceId == stale || s.ServiceId == fresh)).ToListAsync(Token));
        var item = Assert.Single(queued);
        Assert.Equal((stale, SubmissionState.Pending), (item.ServiceId!.Value, item.State));
        Assert.Contains("last confirmed 2026-07-26", item.Snapshot, StringComparison.Ordinal);

        var dashboard = await editor.GetAsync("/portal");
        Assert.Contains("Is “Old Confirmed Pantry” still accurate?", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("please confirm or correct it", dashboard.Text, StringComparison.Ordinal);
        // The editor never sees the queue item itself, only their own proposals.
        Assert.DoesNotContain("Stale: Old Confirmed Pantry", dashboard.Text, StringComparison.Ordinal);

        var confirmed = await editor.PostAsync(dashboard, "/portal", formSelector: $"form:has(input[value='{stale}'])");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.Status);
        var (verified, state, trail) = await app.WithDatabaseAsync(async db => (
            await db.Services.Where(s => s.Id == stale).Select(s => s.LastVerifiedAt).SingleAsync(Token),
            await db.Submissions.Where(s => s.Id == item.Id).Select(s => s.State).SingleAsync(Token),
            await db.AuditEntries.Where(a => a.SubjectId == stale.ToString()).Select(a => a.Action).ToListAsync(Token)));
        Assert.Equal((now, SubmissionState.Approved), (verified!.Value, state));
        Assert.Contains(AuditActions.ServiceConfirmed, trail);
        using var resident = app.CreateClient();
        Assert.DoesNotContain("This information may be out of date", await resident.GetStringAsync($"/en/service/{stale}", Token), StringComparison.Ordinal);
    }

    private async Task<int> SweepAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StaleListings>().SweepAsync(Token);
    }
}
