using System.ComponentModel.DataAnnotations;
using AidDirectory.Core.Moderation;
using NodaTime;

namespace AidDirectory.Core.Tests.Moderation;

public sealed class ClosedReportWarningTests
{
    private static readonly Instant Start = Instant.FromUtc(2026, 11, 23, 18, 0);
    private static readonly Duration SixHours = Duration.FromHours(6);

    private static ClosedReportWarning.ClosedReport At(int tag, double hours, int keyDay = 20_000) => new(keyDay, tag, Start + Duration.FromHours(hours));

    [Fact]
    public void Many_reports_from_one_network_are_one_network()
    {
        var reports = Enumerable.Range(0, 300).Select(i => At(7, i * 0.1)).ToList();
        Assert.False(ClosedReportWarning.IsDue(reports, 3, SixHours));
        Assert.True(ClosedReportWarning.IsDue([.. reports, At(8, 1), At(9, 6.5)], 3, SixHours));
    }

    [Fact]
    public void The_spread_is_between_the_first_reports_of_each_network()
    {
        // Network 1 reporting again seven hours later is no evidence that others agree.
        Assert.False(ClosedReportWarning.IsDue([At(1, 0), At(2, 0.5), At(3, 1), At(1, 7)], 3, SixHours));
        Assert.True(ClosedReportWarning.IsDue([At(1, 0), At(2, 0.5), At(3, 6)], 3, SixHours));
    }

    [Fact]
    public void The_same_tag_under_another_key_is_another_network()
    {
        Assert.True(ClosedReportWarning.IsDue([At(1, 0, keyDay: 20_000), At(1, 3, keyDay: 20_014), At(2, 6)], 3, SixHours));
    }

    [Fact]
    public void A_spread_as_long_as_the_window_is_refused_at_start_up()
    {
        var options = new ModerationOptions { ClosedReportsWindowDays = 1, ClosedReportsSpreadHours = 24 };
        var problems = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true));
        Assert.Contains(problems, p => p.ErrorMessage!.Contains("ClosedReportsSpreadHours", StringComparison.Ordinal));
    }
}
