using NodaTime;

namespace AidDirectory.Core.Moderation;

/// <summary>
/// When residents' "closed" reports are enough to warn everyone: they come from at least
/// <see cref="ModerationOptions.ClosedReportsToWarn"/> distinct networks, and those networks' first reports
/// are spread over at least <see cref="ModerationOptions.ClosedReportsSpreadHours"/>. A network is known only
/// by its tag under a key, so tags under different keys never match: a network that reported on both sides
/// of a key's rotation counts twice.
/// </summary>
public static class ClosedReportWarning
{
    public static bool IsDue(IEnumerable<ClosedReport> reports, int networksToWarn, Duration spread)
    {
        var firsts = reports.GroupBy(r => (r.KeyDay, r.Tag)).Select(g => g.Min(r => r.At)).Order().ToList();
        return firsts.Count >= networksToWarn && firsts[^1] - firsts[0] >= spread;
    }

    /// <summary>One counted report: its network's tag, the key it was made with, and when it came.</summary>
    public sealed record ClosedReport(int KeyDay, int Tag, Instant At);
}
