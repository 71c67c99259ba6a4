namespace AidDirectory.Core.Moderation;

/// <summary>What a moderator does with a resident's report or a stale listing.</summary>
public enum ReportOutcome
{
    /// <summary>Nothing to change (a reason is kept).</summary>
    Dismiss,
    /// <summary>The moderator checked it (by phone, on site): the listing is confirmed as it is.</summary>
    Confirm,
    /// <summary>Residents see it as closed at once.</summary>
    MarkClosed,
    /// <summary>Residents see it as temporarily closed at once, with the moderator's reason.</summary>
    MarkTemporarilyClosed,
    /// <summary>The organization is asked to correct or confirm its listing.</summary>
    AskOrganization,
}
