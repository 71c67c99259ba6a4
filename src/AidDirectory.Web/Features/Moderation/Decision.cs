using AidDirectory.Core.Moderation;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>What became of a moderator's (or an author's) action on a submission.</summary>
public abstract record Decision
{
    private Decision()
    {
    }

    /// <summary>The action was applied and saved.</summary>
    public sealed record Done(SubmissionState State) : Decision;

    /// <summary>The rules refuse it; <paramref name="Reason"/> says why.</summary>
    public sealed record Refused(string Reason) : Decision;

    /// <summary>Someone else decided first; nothing of this action was applied.</summary>
    public sealed record AlreadyDecided(string By, SubmissionState State) : Decision
    {
        public string Message => $"Already decided by {By}: {State}. Nothing was changed by your action.";
    }

    /// <summary>The submission does not exist, or the actor may not see it.</summary>
    public sealed record NotFound : Decision;
}
