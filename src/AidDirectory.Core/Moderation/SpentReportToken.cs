using NodaTime;

namespace AidDirectory.Core.Moderation;

/// <summary>
/// A report form's one-time number, recorded when its report is filed so the same form cannot file a second
/// one, from this web process or another. It identifies a form, not a resident, and is kept only until the
/// form would have expired anyway.
/// </summary>
public sealed class SpentReportToken
{
    /// <summary>How long a report form may stay open.</summary>
    public static readonly Duration Lifetime = Duration.FromHours(6);

    /// <summary>How long a spent number is kept: the form's lifetime and an hour for clocks that disagree.</summary>
    public static readonly Duration Kept = Lifetime + Duration.FromHours(1);

    public Guid Nonce { get; set; }

    public Instant SpentAt { get; set; }
}
