using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// A moderator's approve / reject / request-changes. Each decision is one transaction: the submission's new
/// state, the published records (on approval), the audit entries and the publish-sequence bump. The
/// submission's version is checked in the UPDATE, so of two moderators deciding at once exactly one wins;
/// the other is told who decided, and none of their action is applied.
/// </summary>
public sealed class ModerationDecisions(DirectoryDbContext db, ListingPublisher publisher, TimeProvider time)
{
    public async Task<Decision> DecideAsync(Guid submissionId, int seenVersion, SubmissionAction action, Guid moderatorId, string? message, CancellationToken cancellationToken)
    {
        if (!SubmissionRules.IsDecision(action))
        {
            throw new ArgumentOutOfRangeException(nameof(action), action, "Only approve, reject and request changes are decisions.");
        }

        var submission = await db.Submissions.FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return new Decision.NotFound();
        }

        if (submission.Version != seenVersion)
        {
            return await DecidedMeanwhile.AnswerAsync(db, submission, cancellationToken);
        }

        if (submission.Kind is SubmissionKind.ResidentReport or SubmissionKind.StaleListing)
        {
            return new Decision.Refused("Reports and stale listings are settled with their own actions (dismiss, confirm, mark closed, ask the organization).");
        }

        if (action == SubmissionAction.RequestChanges && submission.Kind is SubmissionKind.NewOrganization or SubmissionKind.JoinOrganization)
        {
            return new Decision.Refused("An organization request cannot be sent back for changes (there is no form to resubmit): approve it, or reject it with the reason so they can send a new one.");
        }

        if (submission.SubmittedById == moderatorId || await Membership.IsMemberAsync(db, moderatorId, submission.OrganizationId, cancellationToken))
        {
            return new Decision.Refused("You belong to the organization that sent this, so another moderator must decide it.");
        }

        var now = time.GetCurrentInstant();
        var before = submission.State;
        try
        {
            submission.Apply(action, moderatorId, now, message);
            if (action == SubmissionAction.Approve && await PublishAsync(submission, moderatorId, now, cancellationToken) is { } refusal)
            {
                return await RefuseAsync(submissionId, refusal, cancellationToken);
            }
        }
        catch (SubmissionRefusedException refused)
        {
            return await RefuseAsync(submissionId, refused.Message, cancellationToken);
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = now,
            ActorId = moderatorId,
            Action = action switch
            {
                SubmissionAction.Approve => AuditActions.SubmissionApproved,
                SubmissionAction.Reject => AuditActions.SubmissionRejected,
                _ => AuditActions.SubmissionChangesRequested,
            },
            SubjectKind = nameof(Submission),
            SubjectId = submission.Id.ToString(),
            Before = before.ToString(),
            After = submission.State.ToString(),
            Reason = submission.ModeratorMessage,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId, cancellationToken);
            return await DecidedMeanwhile.AnswerAsync(db, current, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two approvals of one new listing: the loser's INSERT of the listing (its id and ExternalId are unique)
            // can fail before its versioned UPDATE of the submission is reached. The transaction is rolled back;
            // when the submission was decided meanwhile, who decided is the answer. Any other failure stays an error.
            db.ChangeTracker.Clear();
            var current = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId, cancellationToken);
            if (current.Version == seenVersion)
            {
                throw;
            }

            return await DecidedMeanwhile.AnswerAsync(db, current, cancellationToken);
        }

        return new Decision.Done(submission.State);
    }

    // Returns why the approval cannot be published, or null once the records are changed (not yet saved).
    private async Task<string?> PublishAsync(Submission submission, Guid moderatorId, Instant now, CancellationToken cancellationToken)
    {
        switch (submission.Kind)
        {
            case SubmissionKind.NewOrganization:
                var organization = Snapshots.Read<OrganizationDraft>(submission.Snapshot);
                db.Organizations.Add(new Organization
                {
                    Id = submission.OrganizationId, Name = organization.Name, Description = organization.Description,
                    Website = organization.Website, Email = organization.Email,
                });
                AddMember(submission, now);
                Audit(now, moderatorId, AuditActions.OrganizationPublished, nameof(Organization), submission.OrganizationId, null, submission.Snapshot);
                return null;
            case SubmissionKind.JoinOrganization:
                if (!await Membership.IsMemberAsync(db, submission.SubmittedById, submission.OrganizationId, cancellationToken))
                {
                    AddMember(submission, now);
                }

                return null;
            case SubmissionKind.NewService:
                if (!await db.Organizations.AnyAsync(o => o.Id == submission.OrganizationId, cancellationToken))
                {
                    return "Its organization is not published yet: decide the organization first.";
                }

                var proposed = Snapshots.Read<ServiceDraft>(submission.Snapshot);
                if (publisher.Refusal(proposed) is { } refusal)
                {
                    return refusal;
                }

                var created = await publisher.CreateAsync(submission.ServiceId!.Value, submission.OrganizationId, proposed, now, cancellationToken);
                Audit(now, moderatorId, AuditActions.ServicePublished, nameof(Service), created.Id, null, submission.Snapshot);
                return null;
            case SubmissionKind.ServiceEdit:
                var service = await publisher.LoadAsync(submission.ServiceId!.Value, cancellationToken);
                if (service is null)
                {
                    return "The listing this edit changes no longer exists.";
                }

                var published = Snapshots.Write(ServiceDraft.Of(service));
                if (OutOfDate.Between(submission.BaseSnapshot, published) is { Count: > 0 } meanwhile)
                {
                    return "The listing changed after this edit was written, so approving it would undo those changes: "
                        + string.Join("; ", meanwhile.Select(c => c.Line))
                        + ". Request changes so the organization can redo the edit on the current listing.";
                }

                var edit = Snapshots.Read<ServiceDraft>(submission.Snapshot);
                if (publisher.Refusal(edit) is { } wrong)
                {
                    return wrong;
                }

                await publisher.ApplyAsync(service, edit, now, cancellationToken);
                await StaleListings.ResolveAsync(db, service.Id, moderatorId, now, "An approved edit confirmed the listing", cancellationToken);
                Audit(now, moderatorId, AuditActions.ServicePublished, nameof(Service), service.Id, published, submission.Snapshot);
                return null;
            default:
                throw new InvalidOperationException($"No publishing rule for {submission.Kind}.");
        }
    }

    private void AddMember(Submission submission, Instant now)
    {
        db.OrganizationMembers.Add(new OrganizationMember { UserId = submission.SubmittedById, OrganizationId = submission.OrganizationId, Since = now });
        Audit(now, null, AuditActions.MemberAdded, nameof(Organization), submission.OrganizationId, null, submission.SubmittedById.ToString());
    }

    private void Audit(Instant at, Guid? actor, string action, string kind, Guid subject, string? before, string? after) =>
        db.AuditEntries.Add(new AuditEntry { At = at, ActorId = actor, Action = action, SubjectKind = kind, SubjectId = subject.ToString(), Before = before, After = after });

    // Another moderator may have decided while this one was reading: that, not the refusal, is the answer then
    // (an approval that lost the race sees the listing it would have published already changed).
    private async Task<Decision> RefuseAsync(Guid submissionId, string refusal, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var current = await db.Submissions.AsNoTracking().FirstAsync(s => s.Id == submissionId, cancellationToken);
        return current.State == SubmissionState.Pending ? new Decision.Refused(refusal) : await DecidedMeanwhile.AnswerAsync(db, current, cancellationToken);
    }
}
