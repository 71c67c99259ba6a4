namespace AidDirectory.Core.Moderation;

/// <summary>What a queue item asks a moderator to decide.</summary>
public enum SubmissionKind
{
    /// <summary>An editor describes an organization that is not listed yet.</summary>
    NewOrganization,
    /// <summary>An editor asks to speak for an organization that is already listed.</summary>
    JoinOrganization,
    /// <summary>An organization proposes a service residents cannot see yet.</summary>
    NewService,
    /// <summary>An organization proposes a changed version of a published service.</summary>
    ServiceEdit,
    /// <summary>A resident says a listing is wrong or closed (no account, nothing about them kept).</summary>
    ResidentReport,
    /// <summary>A listing nobody confirmed within the configured age.</summary>
    StaleListing,
}
