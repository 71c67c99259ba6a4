using AidDirectory.Core;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// A moderator settles a resident's report or a stale listing: dismiss, confirm, mark (temporarily) closed
/// (residents see it at once), or ask the organization. An outcome that settles the listing resolves every
/// pending report about it; the others resolve the reports that said the same thing. One transaction, as
/// for every decision, and the same "already decided by" answer when another moderator was first.
/// </summary>
public sealed class ReportDecisions(DirectoryDbContext db, TimeProvider time)
{
    /// <summary>The status reason's column, which residents read on a closed listing.</summary>
    public const int MaxStatusReason = 500;

    public async Task<Decision> DecideAsync(Guid submissionId, int seenVersion, ReportOutcome outcome, Guid moderatorId, string? message, CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId && (s.Kind == SubmissionKind.ResidentReport || s.Kind == SubmissionKind.StaleListing), cancellationToken);
        if (submission is null)
        {
            return new Decision.NotFound();
        }

        if (submission.Version != seenVersion || submission.State != SubmissionState.Pending)
        {
            return await DecidedMeanwhile.AnswerAsync(db, submission, cancellationToken);
        }

        if (outcome == ReportOutcome.MarkTemporarilyClosed && string.IsNullOrWhiteSpace(message))
        {
            return new Decision.Refused("Say why it is temporarily closed: residents read it on the listing.");
        }

        if (outcome is ReportOutcome.MarkClosed or ReportOutcome.MarkTemporarilyClosed && message?.Trim().Length > MaxStatusReason)
        {
            return new Decision.Refused($"Keep the reason under {MaxStatusReason} characters: residents read it on the listing.");
        }

        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == submission.ServiceId, cancellationToken);
        if (service is null)
        {
            return new Decision.Refused("The listing no longer exists.");
        }

        if (await Membership.IsMemberAsync(db, moderatorId, service.OrganizationId, cancellationToken))
        {
            return new Decision.Refused("You belong to this listing's organization, so another moderator must decide it.");
        }

        var now = time.GetCurrentInstant();
        var settlesListing = outcome is ReportOutcome.Confirm or ReportOutcome.MarkClosed or ReportOutcome.MarkTemporarilyClosed;
        // Decided together: the reports that said the same thing, and (when the listing itself is settled) its
        // stale item. A report that says something else (unsafe, wrong phone) waits to be read on its own.
        var siblings = await db.Submissions
            .Where(s => s.Id != submission.Id && s.ServiceId == service.Id && s.State == SubmissionState.Pending
                && ((s.Kind == submission.Kind && s.ReportReason == submission.ReportReason)
                    || (settlesListing && s.Kind == SubmissionKind.StaleListing)))
            .ToListAsync(cancellationToken);
        var action = outcome == ReportOutcome.Dismiss ? SubmissionAction.Reject : SubmissionAction.Approve;
        try
        {
            foreach (var item in siblings.Prepend(submission))
            {
                item.Apply(action, moderatorId, now, message);
                // A decided report no longer counts toward anything: its network's tag goes with the decision.
                (item.ReporterTag, item.ReporterKeyDay) = (null, null);
                db.AuditEntries.Add(new AuditEntry
                {
                    At = now, ActorId = moderatorId, SubjectKind = nameof(Submission), SubjectId = item.Id.ToString(),
                    Action = action == SubmissionAction.Reject ? AuditActions.SubmissionRejected : AuditActions.SubmissionApproved,
                    Before = nameof(SubmissionState.Pending), After = item.State.ToString(),
                    Reason = $"{outcome}{(item == submission ? "" : " (decided with " + submission.Id + ")")}: {item.ModeratorMessage}".Clip(AuditEntry.MaxReason),
                });
            }
        }
        catch (SubmissionRefusedException refused)
        {
            db.ChangeTracker.Clear();
            return new Decision.Refused(refused.Message);
        }

        if (await ApplyAsync(service, outcome, message?.Trim(), moderatorId, now, cancellationToken) is { } refusal)
        {
            db.ChangeTracker.Clear();
            return new Decision.Refused(refusal);
        }

        if (service.ReportedClosedAt is not null && (settlesListing || siblings.Prepend(submission).Any(s => s.ReportReason == ReportReason.Closed)))
        {
            service.ReportedClosedAt = null;
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Decision.Done(submission.State);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId, cancellationToken);
            return await DecidedMeanwhile.AnswerAsync(db, current, cancellationToken);
        }
    }

    private async Task<string?> ApplyAsync(Service service, ReportOutcome outcome, string? message, Guid moderatorId, Instant now, CancellationToken cancellationToken)
    {
        switch (outcome)
        {
            case ReportOutcome.Confirm:
                service.LastVerifiedAt = now;
                Audit(service, AuditActions.ServiceConfirmed, null, now.ToString(), message, moderatorId, now);
                break;
            case ReportOutcome.MarkClosed or ReportOutcome.MarkTemporarilyClosed:
                var before = service.Status;
                service.Status = outcome == ReportOutcome.MarkClosed ? ServiceStatus.Closed : ServiceStatus.TemporarilyClosed;
                service.StatusReason = message;
                Audit(service, AuditActions.ServiceStatusChanged, before.ToString(), service.Status.ToString(), message, moderatorId, now);
                break;
            case ReportOutcome.AskOrganization:
                var told = await Outbox.ToMembersAsync(db, service.OrganizationId, service.Id,
                    $"Please check your listing “{service.Name}”",
                    $"A resident or a moderator noticed something that may be out of date in “{service.Name}”."
                    + (message is null ? "" : $" The moderator writes: {message}")
                    + " Open the organization portal to correct it, or to confirm it is still accurate.",
                    now, cancellationToken);
                if (told == 0)
                {
                    return "Nobody speaks for this organization on the portal yet: contact them another way, then confirm the listing or mark it closed.";
                }

                Audit(service, AuditActions.OrganizationAsked, null, $"{told} editor(s) notified", message, moderatorId, now);
                break;
        }

        return null;
    }

    private void Audit(Service service, string action, string? before, string? after, string? reason, Guid actor, Instant at) =>
        db.AuditEntries.Add(new AuditEntry { At = at, ActorId = actor, Action = action, SubjectKind = nameof(Service), SubjectId = service.Id.ToString(), Before = before, After = after, Reason = reason });
}
