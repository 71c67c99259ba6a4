using AidDirectory.Core.Locations;
using AidDirectory.Core.Moderation;
using static AidDirectory.Web.Features.Portal.Services.FormValues;

namespace AidDirectory.Web.Features.Portal.Services;

public sealed class PlaceRow
{
    public Guid? LocationId { get; set; }
    public string? Name { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public LocationVisibility Visibility { get; set; } = LocationVisibility.Exact;
    public bool? WheelchairAccessible { get; set; }

    /// <summary>The editor asks to drop this published place from the listing.</summary>
    public bool Remove { get; set; }

    public bool IsBlank => LocationId is null && new[] { Name, Address1, Address2, PostalCode, Latitude, Longitude }.All(string.IsNullOrWhiteSpace);

    /// <summary>The place this row gives, or null when it is blank or removed; problems are reported under <paramref name="at"/>.</summary>
    public PlaceDraft? Read(string at, Action<string, string> problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        if (IsBlank || Remove)
        {
            return null;
        }

        var hasPoint = Text(Latitude) is not null && Text(Longitude) is not null;
        if (Text(Address1) is null && !hasPoint && Visibility != LocationVisibility.Hidden)
        {
            problem($"{at}.Address1", "Enter the street address or the point on the map (the address can be hidden from residents below).");
        }

        if (Text(PostalCode) is { } zip && !Zip().IsMatch(zip))
        {
            problem($"{at}.PostalCode", "A ZIP code is five digits, like 60618.");
        }

        var latitude = Number(Latitude, $"{at}.Latitude", problem);
        var longitude = Number(Longitude, $"{at}.Longitude", problem);
        if ((latitude is null) != (longitude is null))
        {
            problem($"{at}.Latitude", "Give both latitude and longitude, or neither.");
        }
        else if (latitude is { } lat && longitude is { } lon && (lat is < 36 or > 43.6 || lon is < -92 or > -86))
        {
            problem($"{at}.Latitude", "This point is outside Illinois and its neighbours: check that latitude (about 41.9 in Chicago) and longitude (about -87.7) are not swapped.");
        }

        return new PlaceDraft
        {
            LocationId = LocationId, Name = Text(Name), Address1 = Text(Address1), Address2 = Text(Address2),
            City = Text(City), StateProvince = Text(StateProvince), PostalCode = Text(PostalCode),
            Latitude = latitude, Longitude = longitude, Visibility = Visibility, WheelchairAccessible = WheelchairAccessible,
        };
    }
}
