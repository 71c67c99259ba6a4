using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Sources;
using AidDirectory.Core.Translations;

namespace AidDirectory.Web.Features.Listings;

/// <summary>
/// Everything the listing page shows. <see cref="Service"/> is loaded without its locations; where the
/// service is comes only from <see cref="Location"/>, a <see cref="ShownLocation"/>.
/// </summary>
public sealed record ListingDetail(
    Service Service,
    Translated Name,
    Translated? Description,
    IReadOnlyList<(string Code, string Name)> Categories,
    ShownLocation? Location,
    string? Neighborhood,
    IReadOnlyList<ServedArea> ServedAreas,
    OpeningHours Hours,
    OpeningState Opening,
    Freshness Freshness,
    DataSource? Source)
{
    public bool IsLegal => Categories.Any(c => c.Code is "legal" or "immigration");
}

/// <summary>A service area with its community areas named.</summary>
public sealed record ServedArea(string Name, string? Description, IReadOnlyList<string> Neighborhoods, IReadOnlyList<string> PostalCodes);
