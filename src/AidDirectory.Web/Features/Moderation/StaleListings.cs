using AidDirectory.Core;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Deployment;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// Listings nobody confirmed within the configured age (default 90 days) enter the moderation queue, and
/// their organization's editors are asked to confirm them; a confirmation (by the organization, by a
/// moderator, or an approved edit) takes them out again.
/// </summary>
public sealed class StaleListings(DirectoryDbContext db, TimeProvider time, IOptions<DeploymentOptions> deployment)
{
    /// <summary>How long a listing whose stale item was settled without a confirmation waits before it is queued again.</summary>
    public static readonly Duration RequeueAfter = Duration.FromDays(30);

    /// <summary>Queues every stale listing not queued yet; returns how many were added.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = time.GetCurrentInstant();
        var cutoff = now - Duration.FromDays(deployment.Value.StaleAfterDays);
        var settledSince = now - RequeueAfter;
        var stale = await db.Services.AsNoTracking()
            .Where(s => s.Status != ServiceStatus.Closed && (s.LastVerifiedAt == null || s.LastVerifiedAt < cutoff))
            // Once a moderator has dealt with a stale item (asked the organization, dismissed it), the listing
            // waits a month before it is queued again, rather than coming back every hour.
            .Where(s => !db.Submissions.Any(q => q.ServiceId == s.Id && q.Kind == SubmissionKind.StaleListing
                && (q.State == SubmissionState.Pending || q.UpdatedAt > settledSince)))
            .Select(s => new
            {
                s.Id, s.Name, s.OrganizationId, s.LastVerifiedAt,
                Area = s.ServiceAtLocations.OrderBy(sal => sal.Id).Select(sal => sal.Location.CommunityAreaNumber).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        foreach (var listing in stale)
        {
            var since = listing.LastVerifiedAt is { } verified ? $"last confirmed {verified.InUtc().Date:uuuu-MM-dd}" : "never confirmed since it was imported";
            var submission = new Submission
            {
                Id = Guid.NewGuid(),
                Kind = SubmissionKind.StaleListing,
                OrganizationId = listing.OrganizationId,
                ServiceId = listing.Id,
                Title = $"Stale: {listing.Name}".Clip(Submission.MaxTitle),
                Snapshot = since,
                CommunityAreaNumber = listing.Area,
                SubmittedAt = now,
                UpdatedAt = now,
            };
            db.Submissions.Add(submission);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, Action = AuditActions.SubmissionCreated, SubjectKind = nameof(Submission), SubjectId = submission.Id.ToString(),
                Reason = $"{SubmissionKind.StaleListing}: {since}",
            });
            await Outbox.ToMembersAsync(db, listing.OrganizationId, listing.Id, $"Is “{listing.Name}” still accurate?",
                $"Residents see that “{listing.Name}” was {since}. Open the organization portal and press “Still accurate”, or propose the changes.",
                now, cancellationToken);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another web process swept at the same moment (the unique index allows one pending item per
            // listing): its items are there, and the next sweep adds whatever is still missing. Any other
            // failure goes on to the sweep's host, which logs it.
            if (!await AnotherSweepWasFirstAsync(cancellationToken))
            {
                throw;
            }

            return 0;
        }

        return stale.Count;
    }

    private async Task<bool> AnotherSweepWasFirstAsync(CancellationToken cancellationToken)
    {
        var mine = db.ChangeTracker.Entries<Submission>().Select(e => e.Entity.ServiceId).ToList();
        db.ChangeTracker.Clear();
        return await db.Submissions.AnyAsync(s => mine.Contains(s.ServiceId) && s.Kind == SubmissionKind.StaleListing && s.State == SubmissionState.Pending, cancellationToken);
    }

    /// <summary>Takes a confirmed listing out of the queue, in the caller's unit of work.</summary>
    public static async Task ResolveAsync(DirectoryDbContext db, Guid serviceId, Guid? actorId, Instant now, string how, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var pending = await db.Submissions.Where(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.StaleListing && s.State == SubmissionState.Pending).ToListAsync(cancellationToken);
        foreach (var item in pending)
        {
            item.Apply(SubmissionAction.Approve, actorId ?? Guid.Empty, now, how);
            db.AuditEntries.Add(new AuditEntry
            {
                At = now, ActorId = actorId, Action = AuditActions.SubmissionApproved, SubjectKind = nameof(Submission), SubjectId = item.Id.ToString(),
                Before = nameof(SubmissionState.Pending), After = item.State.ToString(), Reason = how,
            });
        }
    }
}
