namespace AidDirectory.Core.Locations;

/// <summary>
/// What a resident may see of a location. This is the one place visibility is applied: every page and
/// API builds its output from a ShownLocation, never from <see cref="Location"/>, so an exact point or
/// street address of an Approximate or Hidden location cannot leak.
/// </summary>
public sealed record ShownLocation
{
    // A grid of about 500 m in Chicago: 0.0045° of latitude ≈ 500 m; 0.006° of longitude ≈ 500 m at 41.8° N.
    public const double LatitudeStep = 0.0045;
    public const double LongitudeStep = 0.006;

    private ShownLocation(LocationVisibility visibility) => Visibility = visibility;

    public LocationVisibility Visibility { get; }
    public string? Name { get; private init; }
    public string? Address1 { get; private init; }
    public string? Address2 { get; private init; }
    public string? City { get; private init; }
    public string? StateProvince { get; private init; }
    public string? PostalCode { get; private init; }
    public double? Latitude { get; private init; }
    public double? Longitude { get; private init; }
    public int? CommunityAreaNumber { get; private init; }
    public bool? WheelchairAccessible { get; private init; }

    public bool HasStreetAddress => Address1 is not null;

    public static ShownLocation Of(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return location.Visibility switch
        {
            LocationVisibility.Exact => new ShownLocation(LocationVisibility.Exact)
            {
                Name = location.Name,
                Address1 = location.Address1,
                Address2 = location.Address2,
                City = location.City,
                StateProvince = location.StateProvince,
                PostalCode = location.PostalCode,
                Latitude = location.Point?.Y,
                Longitude = location.Point?.X,
                CommunityAreaNumber = location.CommunityAreaNumber,
                WheelchairAccessible = location.WheelchairAccessible,
            },
            LocationVisibility.Approximate => new ShownLocation(LocationVisibility.Approximate)
            {
                City = location.City,
                Latitude = location.Point is null ? null : Snap(location.Point.Y, LatitudeStep),
                Longitude = location.Point is null ? null : Snap(location.Point.X, LongitudeStep),
                CommunityAreaNumber = location.CommunityAreaNumber,
                WheelchairAccessible = location.WheelchairAccessible,
            },
            LocationVisibility.Hidden => new ShownLocation(LocationVisibility.Hidden),
        };
    }

    private static double Snap(double value, double step) => Math.Round(Math.Round(value / step) * step, 4);
}
