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

        var latitude = Number(Latitude, $"{at}.Latitude", problem);
        var longitude = Number(Longitude, $"{at}.Longitude", problem);
        var place = new PlaceDraft
        {
            LocationId = LocationId, Name = Text(Name), Address1 = Text(Address1), Address2 = Text(Address2),
            City = Text(City), StateProvince = Text(StateProvince), PostalCode = Text(PostalCode),
            Latitude = latitude, Longitude = longitude, Visibility = Visibility, WheelchairAccessible = WheelchairAccessible,
        };
        foreach (var (field, message) in ServiceDraftRules.OfPlace(place))
        {
            problem($"{at}.{field}", message);
        }

        return place;
    }
}
