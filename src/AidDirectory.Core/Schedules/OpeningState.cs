using NodaTime;

namespace AidDirectory.Core.Schedules;

/// <summary>
/// Open or closed at a moment. When open, <see cref="ClosesAt"/> is when it next closes (null: open
/// around the clock for at least a week). When closed, <see cref="OpensAt"/> is the next opening within
/// two weeks (null: none known). <see cref="HasHours"/> is false when there is no schedule at all.
/// </summary>
public sealed record OpeningState(bool HasHours, bool IsOpen, LocalDateTime? ClosesAt, LocalDateTime? OpensAt)
{
    public static OpeningState NoHours { get; } = new(false, false, null, null);

    /// <summary>Closed whatever the hours say, because the service is temporarily closed or has closed.</summary>
    public static OpeningState Suspended { get; } = new(true, false, null, null) { IsSuspended = true };

    public bool IsSuspended { get; private init; }
}
