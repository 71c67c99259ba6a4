using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Translations;
using NodaTime;

namespace AidDirectory.Web.Features.Search;

/// <summary>One line of a list of listings: what a resident needs to decide whether to open it.</summary>
public sealed record ListingSummary(
    Guid Id,
    Translated Name,
    string OrganizationName,
    IReadOnlyList<string> Categories,
    string? Neighborhood,
    OpeningState Opening,
    Freshness Freshness,
    LocalDate? SourceAsOf,
    ServiceStatus Status,
    CostKind? Cost,
    IReadOnlyList<string> Languages,
    double? DistanceKm,
    bool ReportedClosed = false);
