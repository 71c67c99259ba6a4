using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Core.Moderation;

/// <summary>How residents' reports are weighed and limited (configuration section <c>Moderation</c>).</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>This many pending "closed" reports within <see cref="ClosedReportsWindowDays"/> show residents a warning.</summary>
    [Range(1, 100)]
    public int ClosedReportsToWarn { get; set; } = 3;

    [Range(1, 365)]
    public int ClosedReportsWindowDays { get; set; } = 14;

    /// <summary>Reports one client may send per hour (counted in memory only).</summary>
    [Range(1, 1000)]
    public int ReportsPerClientPerHour { get; set; } = 5;

    /// <summary>Reports the whole site accepts per hour, however many clients send them.</summary>
    [Range(1, 100_000)]
    public int ReportsPerHour { get; set; } = 300;
}
