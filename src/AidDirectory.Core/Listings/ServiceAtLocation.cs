using AidDirectory.Core.Locations;

namespace AidDirectory.Core.Listings;

/// <summary>HSDS service_at_location: where a service is delivered.</summary>
public sealed class ServiceAtLocation
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public Guid LocationId { get; set; }
    public Location Location { get; set; } = null!;
}
