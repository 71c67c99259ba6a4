using NetTopologySuite.Geometries;

namespace AidDirectory.Core.Listings;

/// <summary>
/// HSDS service_area: where a service without a fixed place (a hotline, a delivery) serves, as a name
/// ("Illinois"), an extent (SRID 4326), or the community areas and ZIP codes it covers.
/// </summary>
public sealed class ServiceArea
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Geometry? Extent { get; set; }
    public List<int> CommunityAreaNumbers { get; set; } = [];
    public List<string> PostalCodes { get; set; } = [];
}
