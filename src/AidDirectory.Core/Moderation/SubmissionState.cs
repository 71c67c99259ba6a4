namespace AidDirectory.Core.Moderation;

/// <summary>
/// <c>Pending → Approved | Rejected | ChangesRequested → (resubmitted) Pending</c>; <c>Withdrawn</c> by its
/// author while pending. Approved, Rejected and Withdrawn are final.
/// </summary>
public enum SubmissionState
{
    Pending,
    Approved,
    Rejected,
    ChangesRequested,
    Withdrawn,
}
