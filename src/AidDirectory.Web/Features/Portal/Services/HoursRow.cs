using AidDirectory.Core.Moderation;
using AidDirectory.Core.Schedules;
using static AidDirectory.Web.Features.Portal.Services.FormValues;

namespace AidDirectory.Web.Features.Portal.Services;

public sealed class HoursRow
{
    public ScheduleKind Kind { get; set; } = ScheduleKind.Weekly;
    public NodaTime.IsoDayOfWeek? Weekday { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Description { get; set; }

    public bool IsBlank => Weekday is null && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)
        && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes) && string.IsNullOrWhiteSpace(Description);

    /// <summary>The hours this row gives, or null when it is blank; what the schedule rules refuse is reported under <paramref name="at"/>.</summary>
    public HoursDraft? Read(string at, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (IsBlank)
        {
            return null;
        }

        var draft = new HoursDraft(
            Kind,
            Kind == ScheduleKind.Weekly ? Weekday : null,
            Time(Opens, $"{at}.Opens", problem),
            Time(Closes, $"{at}.Closes", problem),
            Date(From, $"{at}.From", problem),
            Date(To, $"{at}.To", problem),
            Text(Description));
        if (ServiceDraftRules.OfHours(draft) is { } wrong)
        {
            problem(at, wrong);
        }

        return draft;
    }
}
