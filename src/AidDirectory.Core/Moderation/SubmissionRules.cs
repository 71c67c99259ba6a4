namespace AidDirectory.Core.Moderation;

/// <summary>The submission state machine: which action is allowed from which state, and what it leads to.</summary>
public static class SubmissionRules
{
    public const int MaxMessageLength = 2000;

    /// <summary>Why <paramref name="action"/> is not allowed now, or null when it is.</summary>
    public static string? Refusal(SubmissionState state, SubmissionAction action, string? message, string? newSnapshot = null)
    {
        var decided = state switch
        {
            SubmissionState.Approved => "It was already approved.",
            SubmissionState.Rejected => "It was already rejected.",
            SubmissionState.Withdrawn => "Its author withdrew it.",
            _ => null,
        };
        return action switch
        {
            SubmissionAction.Approve or SubmissionAction.Reject or SubmissionAction.RequestChanges when decided is not null => decided,
            SubmissionAction.Approve or SubmissionAction.Reject or SubmissionAction.RequestChanges when state == SubmissionState.ChangesRequested =>
                "Changes were requested; it waits for the organization to resubmit.",
            SubmissionAction.Reject when string.IsNullOrWhiteSpace(message) => "Give the reason for rejecting it: the organization will read it.",
            SubmissionAction.RequestChanges when string.IsNullOrWhiteSpace(message) => "Say which changes are needed: the organization will read it.",
            _ when message?.Length > MaxMessageLength => $"The message is longer than {MaxMessageLength} characters.",
            SubmissionAction.Withdraw when state != SubmissionState.Pending => decided ?? "Only a pending submission can be withdrawn.",
            SubmissionAction.Resubmit when state != SubmissionState.ChangesRequested => decided ?? "Only a submission with changes requested can be resubmitted.",
            SubmissionAction.Resubmit when string.IsNullOrWhiteSpace(newSnapshot) => "A resubmission needs the new text.",
            _ => null,
        };
    }

    public static SubmissionState After(SubmissionAction action) => action switch
    {
        SubmissionAction.Approve => SubmissionState.Approved,
        SubmissionAction.Reject => SubmissionState.Rejected,
        SubmissionAction.RequestChanges => SubmissionState.ChangesRequested,
        SubmissionAction.Withdraw => SubmissionState.Withdrawn,
        SubmissionAction.Resubmit => SubmissionState.Pending,
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
    };

    public static bool IsDecision(SubmissionAction action) =>
        action is SubmissionAction.Approve or SubmissionAction.Reject or SubmissionAction.RequestChanges;
}
