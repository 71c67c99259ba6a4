using AidDirectory.Core.Listings;
using NodaTime;

namespace AidDirectory.Core.Moderation;

/// <summary>
/// A proposed change, stored whole (<see cref="Snapshot"/>, JSON of a <see cref="ServiceDraft"/> or an
/// <see cref="OrganizationDraft"/>) until a moderator decides. Residents keep seeing the published record
/// meanwhile. <see cref="Version"/> is the concurrency token: two decisions on the same submission cannot
/// both be saved.
/// </summary>
public sealed class Submission : IVersioned
{
    public Guid Id { get; set; }
    public SubmissionKind Kind { get; set; }
    public SubmissionState State { get; private set; } = SubmissionState.Pending;

    /// <summary>The organization concerned; for a new organization, the id it will get when approved.</summary>
    public Guid OrganizationId { get; set; }
    /// <summary>The service concerned (new or edited); null for organization submissions.</summary>
    public Guid? ServiceId { get; set; }
    /// <summary>
    /// The published listing as the editor saw it when writing an edit (a <see cref="ServiceDraft"/> snapshot);
    /// null for new records. If the published listing no longer reads the same, the edit is out of date.
    /// </summary>
    public string? BaseSnapshot { get; set; }
    public const int MaxTitle = 300;

    /// <summary>A short title for lists: the proposed name.</summary>
    public required string Title { get; set; }
    public required string Snapshot { get; set; }
    /// <summary>For a resident's report: what they said is wrong, so reports alike can be counted.</summary>
    public ReportReason? ReportReason { get; set; }
    /// <summary>
    /// For a resident's report that counts toward "may be closed": a short tag of the sender's network under
    /// the key of <see cref="ReporterKeyDay"/> (<see cref="ReportKey"/>). Wiped when the report leaves the
    /// window or is decided.
    /// </summary>
    public int? ReporterTag { get; set; }
    public int? ReporterKeyDay { get; set; }
    /// <summary>For a resident's report: it came over an hourly limit, so it never counts toward a warning.</summary>
    public bool OverLimit { get; set; }
    /// <summary>For an over-limit report: how many more over-limit reports alike joined it instead of becoming items.</summary>
    public int JoinedReports { get; set; }
    /// <summary>Chicago community area of the proposed place, for filtering the queue.</summary>
    public int? CommunityAreaNumber { get; set; }

    public Guid SubmittedById { get; set; }
    /// <summary>Who to ask about the submission. Moderators only; never shown to residents.</summary>
    public string? ContactName { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }

    public Instant SubmittedAt { get; set; }
    public Instant UpdatedAt { get; set; }
    public Guid? DecidedById { get; private set; }
    public Instant? DecidedAt { get; private set; }
    /// <summary>The moderator's reason (rejection) or message (changes requested).</summary>
    public string? ModeratorMessage { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// Applies <paramref name="action"/> or throws <see cref="SubmissionRefusedException"/>. Who may act (a moderator,
    /// the author's organization) is checked by the caller; this enforces the states and the reasons.
    /// </summary>
    public SubmissionState Apply(SubmissionAction action, Guid actorId, Instant at, string? message = null, string? newSnapshot = null)
    {
        if (SubmissionRules.Refusal(State, action, message, newSnapshot) is { } refusal)
        {
            throw new SubmissionRefusedException(refusal);
        }

        var before = State;
        State = SubmissionRules.After(action);
        UpdatedAt = at;
        switch (action)
        {
            case SubmissionAction.Approve or SubmissionAction.Reject or SubmissionAction.RequestChanges:
                DecidedById = actorId;
                DecidedAt = at;
                ModeratorMessage = string.IsNullOrWhiteSpace(message) ? null : message.Trim();
                break;
            case SubmissionAction.Resubmit:
                // The moderator's message stays visible beside the new text until the next decision.
                Snapshot = newSnapshot!;
                DecidedById = null;
                DecidedAt = null;
                break;
        }

        return before;
    }
}
