namespace AidDirectory.Core.Schedules;

public enum ScheduleKind
{
    /// <summary>
    /// Regular hours on one weekday (HSDS freq WEEKLY, byday), from ValidFrom to ValidTo when given:
    /// a warming centre's winter season, say.
    /// </summary>
    Weekly,
    /// <summary>Closed on every date from ValidFrom to ValidTo (a holiday, "closed today").</summary>
    Closed,
    /// <summary>These hours replace the weekly ones on every date from ValidFrom to ValidTo.</summary>
    SpecialHours,
    /// <summary>A one-off event on ValidFrom (a Saturday food distribution, a training).</summary>
    Event,
}
