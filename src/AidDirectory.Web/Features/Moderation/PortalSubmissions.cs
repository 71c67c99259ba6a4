using AidDirectory.Core.Audit;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Data.Publishing;
using AidDirectory.Web.Features.Map;
using NetTopologySuite.Geometries;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// What an organization's editor sends: every proposal becomes a submission stored whole, and every
/// change of its state is audited. Nothing here touches a published record except "still accurate".
/// </summary>
public sealed class PortalSubmissions(DirectoryDbContext db, ListingPublisher publisher, AreaOutlines areas, TimeProvider time)
{
    /// <summary>Who to contact about a submission (moderators only).</summary>
    public sealed record Contact(string? Name, string? Email, string? Phone);

    /// <summary>The result of sending a proposal.</summary>
    public abstract record Sent
    {
        private Sent()
        {
        }

        public sealed record Saved(Guid SubmissionId) : Sent;

        /// <summary>The listing changed since the form was opened; nothing was saved.</summary>
        public sealed record OutOfDate(IReadOnlyList<FieldChange> Meanwhile, string CurrentSnapshot) : Sent;

        public sealed record Refused(string Reason) : Sent;
    }

    public Task<bool> IsMemberAsync(Guid userId, Guid organizationId, CancellationToken cancellationToken) =>
        Membership.IsMemberAsync(db, userId, organizationId, cancellationToken);

    /// <summary>
    /// The submissions an editor may see: their own, and every proposal for an organization they belong to.
    /// Never residents' reports or stale-listing items: a report may be about the organization itself
    /// ("unsafe"), and what a resident wrote is for moderators only.
    /// </summary>
    public IQueryable<Submission> VisibleTo(Guid userId)
    {
        var theirs = Membership.OrganizationsOf(db, userId);
        return db.Submissions.Where(s => s.Kind != SubmissionKind.ResidentReport && s.Kind != SubmissionKind.StaleListing
            && (s.SubmittedById == userId || theirs.Contains(s.OrganizationId)));
    }

    public async Task<Sent> ProposeOrganizationAsync(Guid userId, OrganizationDraft draft, Contact contact, CancellationToken cancellationToken)
    {
        var submission = New(SubmissionKind.NewOrganization, userId, Guid.NewGuid(), null, draft.Name, Snapshots.Write(draft), contact);
        return await SaveNewAsync(submission, cancellationToken);
    }

    public async Task<Sent> AskToJoinAsync(Guid userId, Guid organizationId, string? why, Contact contact, CancellationToken cancellationToken)
    {
        var organization = await db.Organizations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId, cancellationToken);
        if (organization is null)
        {
            return new Sent.Refused("That organization is not listed.");
        }

        if (await IsMemberAsync(userId, organizationId, cancellationToken))
        {
            return new Sent.Refused("You already belong to this organization.");
        }

        if (await db.Submissions.AnyAsync(s => s.Kind == SubmissionKind.JoinOrganization && s.SubmittedById == userId && s.OrganizationId == organizationId && s.State == SubmissionState.Pending, cancellationToken))
        {
            return new Sent.Refused("You already asked to join this organization; a moderator will decide.");
        }

        var snapshot = Snapshots.Write(OrganizationDraft.Of(organization) with { Description = why });
        return await SaveNewAsync(New(SubmissionKind.JoinOrganization, userId, organizationId, null, organization.Name, snapshot, contact), cancellationToken);
    }

    /// <summary>A new service (<paramref name="serviceId"/> null) or an edit based on <paramref name="baseSnapshot"/>.</summary>
    public async Task<Sent> ProposeServiceAsync(Guid userId, Guid organizationId, Guid? serviceId, string? baseSnapshot, ServiceDraft draft, Contact contact, CancellationToken cancellationToken)
    {
        if (!await IsMemberAsync(userId, organizationId, cancellationToken))
        {
            return new Sent.Refused("You can only propose listings for an organization you belong to.");
        }

        if (serviceId is not { } id)
        {
            return await SaveNewAsync(New(SubmissionKind.NewService, userId, organizationId, Guid.NewGuid(), draft, contact, null), cancellationToken);
        }

        var service = await publisher.LoadAsync(id, cancellationToken);
        if (service is null || service.OrganizationId != organizationId)
        {
            return new Sent.Refused("That listing does not belong to your organization.");
        }

        var current = Snapshots.Write(ServiceDraft.Of(service));
        if (baseSnapshot is null || !OutOfDate.IsReadable(baseSnapshot))
        {
            return new Sent.Refused("The form did not say which version of the listing it edits; open the listing's edit form again.");
        }

        if (OutOfDate.Between(baseSnapshot, current) is { Count: > 0 } meanwhile)
        {
            return new Sent.OutOfDate(meanwhile, current);
        }

        return await SaveNewAsync(New(SubmissionKind.ServiceEdit, userId, organizationId, id, draft, contact, current), cancellationToken);
    }

    public async Task<Decision> WithdrawAsync(Guid userId, Guid submissionId, int seenVersion, CancellationToken cancellationToken) =>
        await ActAsync(userId, submissionId, seenVersion, SubmissionAction.Withdraw, null, cancellationToken);

    public async Task<Decision> ResubmitAsync(Guid userId, Guid submissionId, int seenVersion, ServiceDraft draft, CancellationToken cancellationToken) =>
        await ActAsync(userId, submissionId, seenVersion, SubmissionAction.Resubmit, Snapshots.Write(draft), cancellationToken);

    private async Task<Decision> ActAsync(Guid userId, Guid submissionId, int seenVersion, SubmissionAction action, string? snapshot, CancellationToken cancellationToken)
    {
        var submission = await VisibleTo(userId).FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
        if (submission is null)
        {
            return new Decision.NotFound();
        }

        if (action == SubmissionAction.Withdraw && submission.SubmittedById != userId)
        {
            return new Decision.Refused("Only the person who sent it can withdraw it.");
        }

        var before = submission.Snapshot;
        var state = submission.State;
        db.ExpectVersion(submission, seenVersion);
        try
        {
            submission.Apply(action, userId, time.GetCurrentInstant(), newSnapshot: snapshot);
        }
        catch (SubmissionRefusedException refused)
        {
            db.ChangeTracker.Clear();
            return new Decision.Refused(refused.Message);
        }

        if (snapshot is not null)
        {
            submission.Title = Snapshots.Read<ServiceDraft>(snapshot).Name;
        }

        db.AuditEntries.Add(new AuditEntry
        {
            At = submission.UpdatedAt,
            ActorId = userId,
            Action = action == SubmissionAction.Withdraw ? AuditActions.SubmissionWithdrawn : AuditActions.SubmissionResubmitted,
            SubjectKind = nameof(Submission),
            SubjectId = submission.Id.ToString(),
            // A resubmission keeps the earlier text in the trail.
            Before = snapshot is null ? state.ToString() : before,
            After = snapshot ?? submission.State.ToString(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new Decision.Done(submission.State);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new Decision.Refused("It changed since you opened it (a moderator may have decided it). Reload it to see its state.");
        }
    }

    private Submission New(SubmissionKind kind, Guid userId, Guid organizationId, Guid? serviceId, ServiceDraft draft, Contact contact, string? baseSnapshot)
    {
        var submission = New(kind, userId, organizationId, serviceId, draft.Name, Snapshots.Write(draft), contact);
        submission.BaseSnapshot = baseSnapshot;
        // The neighbourhood of the first place with a point, so moderators can filter the queue by it.
        var point = draft.Places.Where(p => p.Latitude is not null && p.Longitude is not null)
            .Select(p => new Point(p.Longitude!.Value, p.Latitude!.Value)).FirstOrDefault();
        submission.CommunityAreaNumber = point is null ? null : areas.Areas.FirstOrDefault(a => a.Shape.Covers(point))?.Number;
        return submission;
    }

    private Submission New(SubmissionKind kind, Guid userId, Guid organizationId, Guid? serviceId, string title, string snapshot, Contact contact)
    {
        var now = time.GetCurrentInstant();
        return new Submission
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            OrganizationId = organizationId,
            ServiceId = serviceId,
            Title = title,
            Snapshot = snapshot,
            SubmittedById = userId,
            SubmittedAt = now,
            UpdatedAt = now,
            ContactName = contact.Name,
            ContactEmail = contact.Email,
            ContactPhone = contact.Phone,
        };
    }

    private async Task<Sent> SaveNewAsync(Submission submission, CancellationToken cancellationToken)
    {
        db.Submissions.Add(submission);
        db.AuditEntries.Add(new AuditEntry
        {
            At = submission.SubmittedAt,
            ActorId = submission.SubmittedById,
            Action = AuditActions.SubmissionCreated,
            SubjectKind = nameof(Submission),
            SubjectId = submission.Id.ToString(),
            After = submission.Snapshot,
            Reason = submission.Kind.ToString(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return new Sent.Saved(submission.Id);
    }

    /// <summary>"Still accurate": the organization confirms a listing without changing it.</summary>
    public async Task<bool> ConfirmAsync(Guid userId, Guid serviceId, CancellationToken cancellationToken)
    {
        var service = await db.Services.FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);
        if (service is null || !await IsMemberAsync(userId, service.OrganizationId, cancellationToken))
        {
            return false;
        }

        var before = service.LastVerifiedAt;
        service.LastVerifiedAt = time.GetCurrentInstant();
        // A moderator may publish an edit of the same listing at this moment: then the confirmation is
        // applied again on the listing as it is now.
        await StaleListings.ResolveAsync(db, serviceId, userId, service.LastVerifiedAt.Value, "Confirmed as still accurate by the organization", cancellationToken);
        db.AuditEntries.Add(new AuditEntry
        {
            At = service.LastVerifiedAt.Value,
            ActorId = userId,
            Action = AuditActions.ServiceConfirmed,
            SubjectKind = nameof(Core.Listings.Service),
            SubjectId = serviceId.ToString(),
            Before = before?.ToString(),
            After = service.LastVerifiedAt.Value.ToString(),
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return await ConfirmAsync(userId, serviceId, cancellationToken);
        }

        return true;
    }
}
