using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Core.Deployment;

/// <summary>Facts about the place this deployment serves.</summary>
public sealed class DeploymentOptions
{
    public const string Section = "Deployment";

    /// <summary>IANA zone id in which all opening hours are read.</summary>
    [Required]
    public string TimeZone { get; set; } = "America/Chicago";

    /// <summary>A listing not confirmed for this many days is shown as possibly out of date.</summary>
    [Range(7, 730)]
    public int StaleAfterDays { get; set; } = 90;
}
