using NodaTime;

namespace AidDirectory.Core.Audit;

/// <summary>
/// One trace of an action: who, when, what (before and after, as JSON snapshots) and why. Append-only: the
/// DbContext refuses to change or delete an entry, and the database refuses it too (triggers in the
/// migration). Entries name people by user id only, so erasing a person's data leaves the trail intact
/// with a pseudonym in their place.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxReason = 2000;

    public long Id { get; set; }
    public Instant At { get; init; }
    /// <summary>The user who acted; null for the system (a scheduled sweep, the command line).</summary>
    public Guid? ActorId { get; init; }
    /// <summary>What happened, as <c>subject.verb</c>: <c>submission.approved</c>, <c>user.role-added</c>.</summary>
    public required string Action { get; init; }
    /// <summary>What it happened to: <c>Submission</c>, <c>Service</c>, <c>Organization</c>, <c>User</c>.</summary>
    public required string SubjectKind { get; init; }
    public required string SubjectId { get; init; }
    public string? Before { get; init; }
    public string? After { get; init; }
    public string? Reason { get; init; }
}
