using AidDirectory.Core.Listings;
using NodaTime;
using NodaTime.Extensions;

namespace AidDirectory.Core.Schedules;

/// <summary>"Open now", computed (never stored) from the injected clock in the deployment's time zone.</summary>
public sealed class OpenNow(TimeProvider time, DateTimeZone zone)
{
    public DateTimeZone Zone => zone;

    public LocalDateTime LocalNow => time.GetCurrentInstant().InZone(zone).LocalDateTime;

    public LocalDate Today => LocalNow.Date;

    public OpeningState StateOf(OpeningHours hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return hours.StateAt(LocalNow);
    }

    public bool IsOpen(OpeningHours hours) => StateOf(hours).IsOpen;

    /// <summary>The hours only count while the service is active: a temporarily closed pantry is not "open now".</summary>
    public OpeningState StateOf(OpeningHours hours, ServiceStatus status) =>
        status == ServiceStatus.Active ? StateOf(hours) : OpeningState.Suspended;
}
