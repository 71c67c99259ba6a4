using AidDirectory.Core.Locations;
using AidDirectory.Core.Places;
using NetTopologySuite.Geometries;
using Location = AidDirectory.Core.Locations.Location;

namespace AidDirectory.Core.Moderation;

/// <summary>A place as proposed. <see cref="LocationId"/> names a published place the service keeps using.</summary>
public sealed record PlaceDraft
{
    public Guid? LocationId { get; init; }
    public string? Name { get; init; }
    public string? Address1 { get; init; }
    public string? Address2 { get; init; }
    public string? City { get; init; }
    public string? StateProvince { get; init; }
    public string? PostalCode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public LocationVisibility Visibility { get; init; } = LocationVisibility.Exact;
    public bool? WheelchairAccessible { get; init; }

    public static PlaceDraft Of(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new PlaceDraft
        {
            LocationId = location.Id,
            Name = location.Name,
            Address1 = location.Address1,
            Address2 = location.Address2,
            City = location.City,
            StateProvince = location.StateProvince,
            PostalCode = location.PostalCode,
            Latitude = location.Point?.Y,
            Longitude = location.Point?.X,
            Visibility = location.Visibility,
            WheelchairAccessible = location.WheelchairAccessible,
        };
    }

    /// <summary>
    /// Writes the place onto <paramref name="location"/>: the inverse of <see cref="Of"/>. The community
    /// area comes from <paramref name="gazetteer"/> (none without a point).
    /// </summary>
    public void ApplyTo(Location location, Gazetteer? gazetteer)
    {
        ArgumentNullException.ThrowIfNull(location);
        location.Name = Name;
        location.Address1 = Address1;
        location.Address2 = Address2;
        location.City = City;
        location.StateProvince = StateProvince;
        location.PostalCode = PostalCode;
        location.Visibility = Visibility;
        location.WheelchairAccessible = WheelchairAccessible;
        location.Point = this is { Latitude: { } lat, Longitude: { } lon } ? Wgs84.CreatePoint(new Coordinate(lon, lat)) : null;
        location.CommunityAreaNumber = location.Point is { } point ? gazetteer?.AreaContaining(point)?.Number : null;
    }

    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>The address on one line, as a moderator reads it.</summary>
    public string AddressLine => string.Join(", ", new[] { Name, Address1, Address2, City, StateProvince, PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
