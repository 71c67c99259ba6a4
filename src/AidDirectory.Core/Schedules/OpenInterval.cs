using NodaTime;

namespace AidDirectory.Core.Schedules;

/// <summary>An opening, as wall-clock times; <see cref="End"/> is exclusive and may fall on the next day.</summary>
public sealed record OpenInterval(LocalDateTime Start, LocalDateTime End)
{
    public bool Contains(LocalDateTime moment) => Start <= moment && moment < End;
}
