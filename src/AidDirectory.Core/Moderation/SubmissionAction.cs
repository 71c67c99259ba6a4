namespace AidDirectory.Core.Moderation;

/// <summary>What someone does to a submission. The first three are a moderator's decisions.</summary>
public enum SubmissionAction
{
    Approve,
    Reject,
    RequestChanges,
    Withdraw,
    Resubmit,
}
