using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Web.Features.Printing;

/// <summary>How many flyers may be drawn at once, so drawing them never starves search (issue 13, finding 7).</summary>
public sealed class FlyerOptions
{
    public const string Section = "Flyers";

    /// <summary>Flyers drawn at the same time. Half the cores by default (at least one): the other half answer searches.</summary>
    [Range(1, 256)]
    public int MaxConcurrentDrawings { get; set; } = Math.Max(1, Environment.ProcessorCount / 2);

    /// <summary>Requests that wait for a drawing slot; one more gets a 503 with Retry-After at once instead of hanging.</summary>
    [Range(0, 10_000)]
    public int QueueLimit { get; set; } = 8;

    /// <summary>What the 503's Retry-After says.</summary>
    [Range(1, 600)]
    public int RetryAfterSeconds { get; set; } = 5;
}
