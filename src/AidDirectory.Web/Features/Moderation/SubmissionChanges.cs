using AidDirectory.Core.Moderation;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// What a submission would change, against what residents see now: the diff a moderator decides on and
/// the editor reads on their submission's page.
/// </summary>
public sealed class SubmissionChanges(ListingPublisher publisher)
{
    public async Task<IReadOnlyList<FieldChange>> OfAsync(Submission submission, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        switch (submission.Kind)
        {
            case SubmissionKind.NewOrganization:
                var organization = Snapshots.Read<OrganizationDraft>(submission.Snapshot);
                return new FieldChange[]
                {
                    new("Organization name", null, organization.Name),
                    new("Description", null, organization.Description),
                    new("Website", null, organization.Website),
                    new("Public email", null, organization.Email),
                }.Where(c => c.After is not null).ToList();
            case SubmissionKind.JoinOrganization:
                var joined = Snapshots.Read<OrganizationDraft>(submission.Snapshot);
                return [new("Asks to speak for", null, joined.Name), new("Their role there", null, joined.Description ?? "(not given)")];
            case SubmissionKind.ServiceEdit:
                var service = await publisher.LoadAsync(submission.ServiceId!.Value, cancellationToken);
                return ListingDiff.Between(service is null ? null : ServiceDraft.Of(service), Snapshots.Read<ServiceDraft>(submission.Snapshot));
            case SubmissionKind.ResidentReport:
                var report = Snapshots.Read<ResidentReport>(submission.Snapshot);
                return [new("A resident reports", null, report.Reason.ToString()), new("In their words", null, report.Text ?? "(nothing added)")];
            case SubmissionKind.StaleListing:
                return [new("Last confirmed", null, submission.Snapshot)];
            default:
                return ListingDiff.Between(null, Snapshots.Read<ServiceDraft>(submission.Snapshot));
        }
    }
}
