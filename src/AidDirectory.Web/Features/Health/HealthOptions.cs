using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Web.Features.Health;

public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How many publish steps this process's search index may be behind the database's publish counter and
    /// still be ready (<c>/readyz</c>). A poll applies everything past the index's sequence at once, so a
    /// burst of edits clears within <c>Search:PollSeconds</c>; only a process whose catching up is stuck
    /// stays this far behind.
    /// </summary>
    [Range(1, 1_000_000, ErrorMessage = "Health:MaxIndexLag must be a number of publish steps from 1 to 1000000 (default 500).")]
    public int MaxIndexLag { get; set; } = 500;
}
