namespace AidDirectory.Core.Audit;

/// <summary>The names of audited actions, so a filter and the code that writes them cannot drift apart.</summary>
public static class AuditActions
{
    public const string SubmissionCreated = "submission.created";
    public const string SubmissionApproved = "submission.approved";
    public const string SubmissionRejected = "submission.rejected";
    public const string SubmissionChangesRequested = "submission.changes-requested";
    public const string SubmissionWithdrawn = "submission.withdrawn";
    public const string SubmissionResubmitted = "submission.resubmitted";
    public const string ServicePublished = "service.published";
    public const string OrganizationPublished = "organization.published";
    public const string MemberAdded = "organization.member-added";
    public const string ServiceConfirmed = "service.confirmed";
    public const string ServiceReportedClosed = "service.reported-closed";
    public const string ServiceStatusChanged = "service.status-changed";
    public const string OrganizationAsked = "organization.asked";
    public const string UserErased = "user.erased";
    public const string UserExported = "user.exported";
    public const string UserCreated = "user.created";
    public const string UserInvited = "user.invited";
    public const string UserSetupCompleted = "user.setup-completed";
    public const string UserRoleAdded = "user.role-added";
    public const string UserRoleRemoved = "user.role-removed";
    public const string UserTwoFactorEnabled = "user.two-factor-enabled";
    public const string UserUnlocked = "user.unlocked";
}
