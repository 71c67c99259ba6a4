using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Translations;
using NodaTime;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// One search result as every output shows it: the results, category and neighbourhood pages, the print
/// view and flyers, the results map, <c>/api/v1/services</c> and its GeoJSON. Built once, by
/// <see cref="SearchCards"/>, so the outputs cannot drift apart. Where it is comes only from
/// <see cref="Location"/>, a <see cref="ShownLocation"/>: an Approximate or Hidden place stays so everywhere.
/// </summary>
public sealed record SearchCard(
    int Number,
    Guid Id,
    Translated Name,
    string Organization,
    IReadOnlyList<CardCategory> Categories,
    OpeningState Opening,
    double? DistanceKm,
    string? Neighborhood,
    ShownLocation? Location,
    Freshness Freshness,
    LocalDate? SourceAsOf,
    ServiceStatus Status,
    CostKind? Cost,
    IReadOnlyList<string> Languages,
    bool ReportedClosed,
    IReadOnlyList<Phone> Phones,
    OpeningHours Hours,
    string Url)
{
    /// <summary>The first of our categories, the one the map colours a pin by; empty when it has none.</summary>
    public string MainCategory => Categories.Count > 0 ? Categories[0].Code : "";

    /// <summary>Whether the map should draw the point as an area rather than a pin.</summary>
    public bool IsApproximate => Location is not null && Location.Visibility != LocationVisibility.Exact;
}

/// <summary>One of our categories, named in the reader's language.</summary>
public sealed record CardCategory(string Code, string Name);
