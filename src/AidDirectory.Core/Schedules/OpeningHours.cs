using NodaTime;

namespace AidDirectory.Core.Schedules;

/// <summary>
/// A service's weekly hours, exceptions and events, answering "open at this wall-clock time?".
/// Everything is wall-clock (LocalDateTime) so that daylight-saving changes need no special case:
/// a shelter open 22:00–06:00 closes at 06:00 on the short night and on the long one.
/// </summary>
public sealed class OpeningHours
{
    private const int LookAheadDays = 14;
    private readonly Schedule[] _rows;

    public OpeningHours(IEnumerable<Schedule> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        _rows = rows.ToArray();
        if (_rows.Select(r => r.Problem()).FirstOrDefault(p => p is not null) is { } problem)
        {
            throw new ArgumentException(problem, nameof(rows));
        }
    }

    public bool HasHours => _rows.Any(r => r.Kind is ScheduleKind.Weekly or ScheduleKind.Event or ScheduleKind.SpecialHours);

    public IEnumerable<Schedule> Weekly => _rows.Where(r => r.Kind == ScheduleKind.Weekly)
        .OrderBy(r => r.Weekday).ThenBy(r => r.OpensAt);

    /// <summary>Closures and special hours that touch the dates from <paramref name="from"/> for <paramref name="days"/> days.</summary>
    public IEnumerable<Schedule> ExceptionsBetween(LocalDate from, int days) => _rows
        .Where(r => r.Kind is ScheduleKind.Closed or ScheduleKind.SpecialHours)
        .Where(r => (r.ValidTo ?? r.ValidFrom) >= from && r.ValidFrom < from.PlusDays(days))
        .OrderBy(r => r.ValidFrom);

    public IEnumerable<Schedule> EventsBetween(LocalDate from, int days) => _rows
        .Where(r => r.Kind == ScheduleKind.Event && r.ValidFrom >= from && r.ValidFrom < from.PlusDays(days))
        .OrderBy(r => r.ValidFrom).ThenBy(r => r.OpensAt);

    /// <summary>The openings that start on <paramref name="date"/>, in order.</summary>
    public IReadOnlyList<OpenInterval> IntervalsStartingOn(LocalDate date)
    {
        var closed = _rows.Any(r => r.Kind == ScheduleKind.Closed && r.Covers(date));
        var special = _rows.Where(r => r.Kind == ScheduleKind.SpecialHours && r.Covers(date)).ToList();
        var regular = closed ? []
            : special.Count > 0 ? special
            : _rows.Where(r => r.Kind == ScheduleKind.Weekly && r.Weekday == date.DayOfWeek && r.InSeason(date));
        var events = _rows.Where(r => r.Kind == ScheduleKind.Event && r.ValidFrom == date);
        return regular.Concat(events)
            .Select(r => ToInterval(date, r.OpensAt!.Value, r.ClosesAt!.Value))
            .OrderBy(i => i.Start)
            .ToList();
    }

    public OpeningState StateAt(LocalDateTime now)
    {
        if (!HasHours)
        {
            return OpeningState.NoHours;
        }

        var current = IntervalsStartingOn(now.Date.PlusDays(-1)).Concat(IntervalsStartingOn(now.Date))
            .Where(i => i.Contains(now))
            .MaxBy(i => i.End);
        if (current is not null)
        {
            return new OpeningState(true, true, ClosingAfter(current.End), null);
        }

        var next = Enumerable.Range(0, LookAheadDays + 1)
            .SelectMany(offset => IntervalsStartingOn(now.Date.PlusDays(offset)))
            .FirstOrDefault(i => i.Start > now);
        return new OpeningState(true, false, null, next?.Start);
    }

    // Follows back-to-back openings (a 24-hour day followed by another) to the moment doors really close.
    private LocalDateTime? ClosingAfter(LocalDateTime end)
    {
        var limit = end.PlusDays(7);
        while (end < limit)
        {
            var following = IntervalsStartingOn(end.Date.PlusDays(-1)).Concat(IntervalsStartingOn(end.Date))
                .Where(i => i.Start <= end && i.End > end)
                .MaxBy(i => i.End);
            if (following is null)
            {
                return end;
            }

            end = following.End;
        }

        return null;
    }

    private static OpenInterval ToInterval(LocalDate date, LocalTime opens, LocalTime closes) =>
        new(date + opens, closes > opens ? date + closes : date.PlusDays(1) + closes);
}
