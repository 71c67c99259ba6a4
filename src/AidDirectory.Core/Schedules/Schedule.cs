using NodaTime;

namespace AidDirectory.Core.Schedules;

/// <summary>
/// One HSDS schedule row. Times are wall-clock times in the deployment's time zone (HSDS allows a
/// schedule without a zone; ours are always in the deployment zone). A closing time at or before
/// the opening time means the interval runs past midnight; 00:00–00:00 is the whole day.
/// </summary>
public sealed class Schedule
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public ScheduleKind Kind { get; set; }
    public IsoDayOfWeek? Weekday { get; set; }
    public LocalDate? ValidFrom { get; set; }
    /// <summary>Last date, inclusive.</summary>
    public LocalDate? ValidTo { get; set; }
    public LocalTime? OpensAt { get; set; }
    public LocalTime? ClosesAt { get; set; }
    /// <summary>The reason for an exception or the title of an event.</summary>
    public string? Description { get; set; }

    public static Schedule WeeklyOn(IsoDayOfWeek day, LocalTime opens, LocalTime closes) =>
        new() { Kind = ScheduleKind.Weekly, Weekday = day, OpensAt = opens, ClosesAt = closes };

    public static Schedule ClosedOn(LocalDate from, LocalDate to, string? reason) =>
        new() { Kind = ScheduleKind.Closed, ValidFrom = from, ValidTo = to, Description = reason };

    public static Schedule SpecialHoursOn(LocalDate from, LocalDate to, LocalTime opens, LocalTime closes, string? reason) =>
        new() { Kind = ScheduleKind.SpecialHours, ValidFrom = from, ValidTo = to, OpensAt = opens, ClosesAt = closes, Description = reason };

    public static Schedule EventOn(LocalDate date, LocalTime opens, LocalTime closes, string title) =>
        new() { Kind = ScheduleKind.Event, ValidFrom = date, ValidTo = date, OpensAt = opens, ClosesAt = closes, Description = title };

    /// <summary>Explains what is wrong with the row, or null when it is valid.</summary>
    public string? Problem() => Kind switch
    {
        ScheduleKind.Weekly when Weekday is null => "A weekly schedule needs a weekday.",
        ScheduleKind.Weekly or ScheduleKind.SpecialHours or ScheduleKind.Event when OpensAt is null || ClosesAt is null =>
            "Opening and closing times are both required.",
        ScheduleKind.Closed or ScheduleKind.SpecialHours or ScheduleKind.Event when ValidFrom is null =>
            "A date is required.",
        _ when ValidFrom is not null && ValidTo is not null && ValidTo < ValidFrom =>
            "The last date is before the first date.",
        _ => null,
    };

    internal bool Covers(LocalDate date) => ValidFrom <= date && date <= (ValidTo ?? ValidFrom);

    // Weekly hours hold from ValidFrom (if any) to ValidTo (if any): both ends are optional.
    internal bool InSeason(LocalDate date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}
