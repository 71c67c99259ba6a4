namespace AidDirectory.Core.Moderation;

/// <summary>
/// The secret under which residents' networks are tagged for one period of
/// <see cref="ModerationOptions.ClosedReportsWindowDays"/> days, shared by every web process through the
/// database. It is deleted once no report inside the window carries a tag made with it.
/// </summary>
public sealed class ReportKey
{
    public const int SecretLength = 32;

    /// <summary>The first day of its period, in days since 1970-01-01 UTC; also its id.</summary>
    public int StartDay { get; set; }

    public required byte[] Secret { get; set; }
}
