using AidDirectory.Core.Schedules;
using NodaTime;

namespace AidDirectory.Core.Moderation;

/// <summary>One schedule row as proposed (see <see cref="Schedule"/> for the meaning of each field).</summary>
public sealed record HoursDraft(
    ScheduleKind Kind,
    IsoDayOfWeek? Weekday,
    LocalTime? OpensAt,
    LocalTime? ClosesAt,
    LocalDate? ValidFrom = null,
    LocalDate? ValidTo = null,
    string? Description = null)
{
    public static HoursDraft Of(Schedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Kind, s.Weekday, s.OpensAt, s.ClosesAt, s.ValidFrom, s.ValidTo, s.Description);
    }

    public Schedule ToSchedule() => new()
    {
        Kind = Kind, Weekday = Weekday, OpensAt = OpensAt, ClosesAt = ClosesAt,
        ValidFrom = ValidFrom, ValidTo = ValidTo, Description = Description,
    };

    /// <summary>Weekly rows by day and time, then dated rows by date: the order people read hours in.</summary>
    public static List<HoursDraft> InReadingOrder(IEnumerable<HoursDraft> hours) =>
        hours.OrderBy(h => h.Kind).ThenBy(h => h.Weekday).ThenBy(h => h.ValidFrom).ThenBy(h => h.OpensAt).ToList();
}
