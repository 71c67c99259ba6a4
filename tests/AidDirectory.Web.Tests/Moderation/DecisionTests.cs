using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Moderation;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Moderation;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Extensions;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>Decisions on the real database: races between moderators, out-of-date edits, the append-only audit log. SQLite and PostgreSQL.</summary>
public abstract class DecisionTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Two_moderators_approving_the_same_edit_at_once_exactly_one_wins_and_nothing_is_applied_twice()
    {
        app.SkipIfUnavailable();
        var first = await UserAsync(Roles.Moderator, "Moderator One");
        var second = await UserAsync(Roles.Moderator, "Moderator Two");
        for (var round = 0; round < 6; round++)
        {
            var (serviceId, submission) = await PendingEditAsync($"Raced Pantry {round}");
            var counter = await app.WithDatabaseAsync(db => db.PublishCounters.Select(c => c.Value).SingleAsync(Token));
            var version = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == submission).Select(s => s.Version).SingleAsync(Token));
            // The second moderator rejects in odd rounds: approve against reject must not both land either.
            var secondAction = round % 2 == 0 ? SubmissionAction.Approve : SubmissionAction.Reject;
            var results = await Task.WhenAll(
                DecideAsync(submission, version, SubmissionAction.Approve, first),
                DecideAsync(submission, version, secondAction, second, "Not a real pantry."));

            Assert.True(results.Count(r => r is Decision.Done) == 1, $"round {round}: {string.Join(" | ", results.Select(r => r.ToString()))}");
            var loser = Assert.Single(results.OfType<Decision.AlreadyDecided>());
            var winnerIsFirst = results[0] is Decision.Done;
            Assert.Equal(winnerIsFirst ? "Moderator One" : "Moderator Two", loser.By);
            var (state, name, approvals, decisions, published, counterNow) = await app.WithDatabaseAsync(async db => (
                await db.Submissions.Where(s => s.Id == submission).Select(s => s.State).SingleAsync(Token),
                await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync(Token),
                await db.AuditEntries.CountAsync(a => a.SubjectId == submission.ToString() && a.Action == AuditActions.SubmissionApproved, Token),
                await db.AuditEntries.CountAsync(a => a.SubjectId == submission.ToString() && (a.Action == AuditActions.SubmissionApproved || a.Action == AuditActions.SubmissionRejected), Token),
                await db.AuditEntries.CountAsync(a => a.SubjectId == serviceId.ToString() && a.Action == AuditActions.ServicePublished, Token),
                await db.PublishCounters.Select(c => c.Value).SingleAsync(Token)));
            Assert.Equal(1, decisions);
            if (state == SubmissionState.Approved)
            {
                Assert.Equal($"Raced Pantry {round} (new name)", name);
                Assert.Equal((1, 1, counter + 1), (approvals, published, counterNow));
            }
            else
            {
                Assert.Equal(SubmissionState.Rejected, state);
                Assert.Equal($"Raced Pantry {round}", name);
                Assert.Equal((0, 0, counter), (approvals, published, counterNow));
            }
        }
    }

    [Fact]
    public async Task An_edit_written_before_another_was_published_cannot_be_approved_over_it()
    {
        app.SkipIfUnavailable();
        var moderator = await UserAsync(Roles.Moderator, "Careful Moderator");
        var (serviceId, firstEdit) = await PendingEditAsync("Twice Edited Pantry");
        var secondEdit = await ProposeAsync(serviceId, d => d with { Description = "Open late on Fridays." });
        Assert.IsType<Decision.Done>(await DecideAsync(firstEdit, 0, SubmissionAction.Approve, moderator));

        var refused = Assert.IsType<Decision.Refused>(await DecideAsync(secondEdit, 0, SubmissionAction.Approve, moderator));
        Assert.Contains("changed after this edit was written", refused.Reason, StringComparison.Ordinal);
        Assert.Contains("Name: Twice Edited Pantry → Twice Edited Pantry (new name)", refused.Reason, StringComparison.Ordinal);
        var (state, name, description) = await app.WithDatabaseAsync(async db => (
            await db.Submissions.Where(s => s.Id == secondEdit).Select(s => s.State).SingleAsync(Token),
            await db.Services.Where(s => s.Id == serviceId).Select(s => s.Name).SingleAsync(Token),
            await db.Services.Where(s => s.Id == serviceId).Select(s => s.Description).SingleAsync(Token)));
        Assert.Equal((SubmissionState.Pending, "Twice Edited Pantry (new name)"), (state, name));
        Assert.NotEqual("Open late on Fridays.", description);
        // Asking the organization to redo it is still possible.
        Assert.IsType<Decision.Done>(await DecideAsync(secondEdit, 0, SubmissionAction.RequestChanges, moderator, "Please redo this on the current listing."));
    }

    [Fact]
    public async Task A_moderator_cannot_decide_for_their_own_organization()
    {
        app.SkipIfUnavailable();
        var (serviceId, submission) = await PendingEditAsync("Own Org Pantry");
        var moderator = await UserAsync(Roles.Moderator, "Member Moderator");
        await app.WithDatabaseAsync(async db =>
        {
            var organization = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganizationId).SingleAsync(Token);
            db.OrganizationMembers.Add(new OrganizationMember { UserId = moderator, OrganizationId = organization });
            return await db.SaveChangesAsync(Token);
        });
        var refused = Assert.IsType<Decision.Refused>(await DecideAsync(submission, 0, SubmissionAction.Approve, moderator));
        Assert.Contains("another moderator", refused.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_audit_log_cannot_be_changed_or_deleted_by_the_application_or_by_sql()
    {
        app.SkipIfUnavailable();
        await PendingEditAsync("Audited Pantry");
        await app.WithDatabaseAsync(async db =>
        {
            var entry = await db.AuditEntries.OrderBy(a => a.Id).FirstAsync(Token);
            db.Entry(entry).Property(a => a.Reason).CurrentValue = "rewritten";
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Token));
            db.ChangeTracker.Clear();
            db.AuditEntries.Remove(entry);
            await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Token));
            db.ChangeTracker.Clear();
            var update = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"Reason\" = 'rewritten'", Token));
            Assert.Contains("append-only", update?.Message, StringComparison.Ordinal);
            var delete = await Record.ExceptionAsync(() => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\"", Token));
            Assert.Contains("append-only", delete?.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(await db.AuditEntries.Select(a => a.Reason).ToListAsync(Token), r => r == "rewritten");
            return 0;
        });
    }

    private async Task<Decision> DecideAsync(Guid submission, int version, SubmissionAction action, Guid moderator, string? message = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ModerationDecisions>().DecideAsync(submission, version, action, moderator, message, Token);
    }

    private async Task<Guid> UserAsync(string role, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>();
        var user = new DirectoryUser { UserName = $"{Guid.NewGuid():N}@decisions.example.org", Email = $"{Guid.NewGuid():N}@decisions.example.org", DisplayName = name, CreatedAt = app.Clock.GetCurrentInstant() };
        Assert.True((await users.CreateAsync(user)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
        return user.Id;
    }

    private Guid _editor;

    // A published listing, its organization's editor, and a pending edit renaming it.
    private async Task<(Guid ServiceId, Guid Submission)> PendingEditAsync(string name)
    {
        var serviceId = await app.WithDatabaseAsync(db => new TestListing(name).InCategory(db, "food").SaveAsync(db));
        _editor = await UserAsync(Roles.OrganizationEditor, "Editor");
        await app.WithDatabaseAsync(async db =>
        {
            var organization = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganizationId).SingleAsync(Token);
            db.OrganizationMembers.Add(new OrganizationMember { UserId = _editor, OrganizationId = organization });
            return await db.SaveChangesAsync(Token);
        });
        return (serviceId, await ProposeAsync(serviceId, d => d with { Name = d.Name + " (new name)" }));
    }

    private async Task<Guid> ProposeAsync(Guid serviceId, Func<ServiceDraft, ServiceDraft> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var publisher = scope.ServiceProvider.GetRequiredService<ListingPublisher>();
        var service = (await publisher.LoadAsync(serviceId, Token))!;
        var current = ServiceDraft.Of(service);
        var sent = await scope.ServiceProvider.GetRequiredService<PortalSubmissions>().ProposeServiceAsync(
            _editor, service.OrganizationId, serviceId, Snapshots.Write(current), change(current), new PortalSubmissions.Contact(null, null, null), Token);
        return Assert.IsType<PortalSubmissions.Sent.Saved>(sent).SubmissionId;
    }
}

public sealed class SqliteDecisionTests(SqliteDirectoryApp app) : DecisionTests(app), IClassFixture<SqliteDirectoryApp>;

public sealed class PostgresDecisionTests(PostgresDirectoryApp app) : DecisionTests(app), IClassFixture<PostgresDirectoryApp>;
