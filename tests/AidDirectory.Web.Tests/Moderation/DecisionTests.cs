using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
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
    public async Task The_moderator_who_loses_the_race_to_approve_a_new_listing_is_told_who_approved_it_and_nothing_is_published_twice()
    {
        app.SkipIfUnavailable();
        var late = await UserAsync(Roles.Moderator, "Moderator Late");
        var early = await UserAsync(Roles.Moderator, "Moderator Early");
        var (submission, serviceId) = await PendingNewListingAsync("Raced New Pantry");
        var counter = await app.WithDatabaseAsync(db => db.PublishCounters.Select(c => c.Value).SingleAsync(Token));

        // The late moderator has read the submission and built the listing; at the very start of its save the
        // early moderator's approval runs and commits. SavingChanges is synchronous, so holding that thread is
        // what places the early decision exactly there, every time.
        await using var lateScope = app.Services.CreateAsyncScope();
        var lateDb = lateScope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var lateIsSaving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var earlyHasDecided = new ManualResetEventSlim();
        var saves = 0;
        lateDb.SavingChanges += (_, _) =>
        {
            if (Interlocked.Increment(ref saves) == 1)
            {
                lateIsSaving.SetResult();
                Assert.True(earlyHasDecided.Wait(TimeSpan.FromSeconds(30), Token));
            }
        };
        var lateDecision = Task.Run(() => lateScope.ServiceProvider.GetRequiredService<ModerationDecisions>()
            .DecideAsync(submission, 0, SubmissionAction.Approve, late, null, Token), Token);
        await lateIsSaving.Task.WaitAsync(TimeSpan.FromSeconds(30), Token);
        Assert.IsType<Decision.Done>(await DecideAsync(submission, 0, SubmissionAction.Approve, early));
        earlyHasDecided.Set();

        var lost = Assert.IsType<Decision.AlreadyDecided>(await lateDecision);
        Assert.Equal(("Moderator Early", SubmissionState.Approved), (lost.By, lost.State));
        Assert.Contains("Already decided by Moderator Early", lost.Message, StringComparison.Ordinal);
        var (state, decidedBy, services, approvals, published, counterNow) = await app.WithDatabaseAsync(async db => (
            await db.Submissions.Where(s => s.Id == submission).Select(s => s.State).SingleAsync(Token),
            await db.Submissions.Where(s => s.Id == submission).Select(s => s.DecidedById).SingleAsync(Token),
            await db.Services.CountAsync(s => s.Id == serviceId, Token),
            await db.AuditEntries.CountAsync(a => a.SubjectId == submission.ToString() && a.Action == AuditActions.SubmissionApproved, Token),
            await db.AuditEntries.CountAsync(a => a.SubjectId == serviceId.ToString() && a.Action == AuditActions.ServicePublished, Token),
            await db.PublishCounters.Select(c => c.Value).SingleAsync(Token)));
        Assert.Equal((SubmissionState.Approved, early, 1, 1, 1, counter + 1), (state, decidedBy, services, approvals, published, counterNow));
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

    // A pending new listing from an editor of a published organization: the submission and the id its service will have.
    private async Task<(Guid Submission, Guid ServiceId)> PendingNewListingAsync(string name)
    {
        var existing = await app.WithDatabaseAsync(db => new TestListing(name + " (sibling)").InCategory(db, "food").SaveAsync(db));
        _editor = await UserAsync(Roles.OrganizationEditor, "Editor");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var service = (await scope.ServiceProvider.GetRequiredService<ListingPublisher>().LoadAsync(existing, Token))!;
        db.OrganizationMembers.Add(new OrganizationMember { UserId = _editor, OrganizationId = service.OrganizationId });
        await db.SaveChangesAsync(Token);
        var sent = await scope.ServiceProvider.GetRequiredService<PortalSubmissions>().ProposeServiceAsync(
            _editor, service.OrganizationId, null, null, ServiceDraft.Of(service) with { Name = name }, new PortalSubmissions.Contact(null, null, null), Token);
        var submission = Assert.IsType<PortalSubmissions.Sent.Saved>(sent).SubmissionId;
        var serviceId = await db.Submissions.Where(s => s.Id == submission).Select(s => s.ServiceId).SingleAsync(Token);
        return (submission, serviceId!.Value);
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
