using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Core.Moderation;

/// <summary>How residents' reports are weighed and limited (configuration section <c>Moderation</c>).</summary>
public sealed class ModerationOptions : IValidatableObject
{
    public const string Section = "Moderation";

    /// <summary>
    /// Pending "closed" reports from this many distinct networks (IPv4 /24, IPv6 /64) within
    /// <see cref="ClosedReportsWindowDays"/> show residents a warning. One network, however many reports it
    /// sends, is one.
    /// </summary>
    [Range(2, 100)]
    public int ClosedReportsToWarn { get; set; } = 3;

    [Range(1, 365)]
    public int ClosedReportsWindowDays { get; set; } = 14;

    /// <summary>The first reports of those networks must be at least this many hours apart, first to last.</summary>
    [Range(0, 168)]
    public int ClosedReportsSpreadHours { get; set; } = 6;

    /// <summary>Reports one network may send per hour that count (counted in memory only); more still reach moderators, marked.</summary>
    [Range(1, 1000)]
    public int ReportsPerNetworkPerHour { get; set; } = 5;

    /// <summary>Above this many reports an hour from one network, the form answers 429 and keeps nothing.</summary>
    [Range(1, 10_000)]
    public int ReportsPerNetworkPerHourCeiling { get; set; } = 30;

    /// <summary>Reports one listing takes per hour that count; more still reach moderators, marked.</summary>
    [Range(1, 10_000)]
    public int ReportsPerListingPerHour { get; set; } = 10;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ClosedReportsSpreadHours >= ClosedReportsWindowDays * 24)
        {
            yield return new ValidationResult(
                $"Moderation:ClosedReportsSpreadHours ({ClosedReportsSpreadHours}) must be shorter than the window, Moderation:ClosedReportsWindowDays × 24 ({ClosedReportsWindowDays * 24}).",
                [nameof(ClosedReportsSpreadHours)]);
        }

        if (ReportsPerNetworkPerHourCeiling < ReportsPerNetworkPerHour)
        {
            yield return new ValidationResult(
                $"Moderation:ReportsPerNetworkPerHourCeiling ({ReportsPerNetworkPerHourCeiling}) must be at least Moderation:ReportsPerNetworkPerHour ({ReportsPerNetworkPerHour}).",
                [nameof(ReportsPerNetworkPerHourCeiling)]);
        }
    }
}
