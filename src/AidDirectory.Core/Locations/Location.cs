using AidDirectory.Core.Listings;
using NetTopologySuite.Geometries;

namespace AidDirectory.Core.Locations;

/// <summary>
/// HSDS location with its (physical) address folded in. <see cref="Point"/> is SRID 4326, X = longitude.
/// Never read <see cref="Point"/> or the address for a resident-facing page or API:
/// go through <see cref="ShownLocation.Of"/>, which applies <see cref="Visibility"/>.
/// </summary>
public sealed class Location : IPublishedRecord
{
    public Guid Id { get; set; }
    public string? Name { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string Country { get; set; } = "US";
    public Point? Point { get; set; }
    public LocationVisibility Visibility { get; set; } = LocationVisibility.Exact;
    /// <summary>Chicago community area (1–77) containing the point, from the gazetteer.</summary>
    public int? CommunityAreaNumber { get; set; }
    public bool? WheelchairAccessible { get; set; }
    public int Version { get; private set; }
}
