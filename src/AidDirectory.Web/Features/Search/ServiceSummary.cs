using NodaTime.Text;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// One result of <c>/api/v1/services</c>: a <see cref="SearchCard"/> in JSON. Coordinates are those a resident
/// may see (rounded or absent); times are the deployment's wall clock.
/// </summary>
public sealed record ServiceSummary(
    Guid Id,
    string Name,
    string NameLanguage,
    string Organization,
    IReadOnlyList<string> Categories,
    IReadOnlyList<string> CategoryNames,
    string? Neighborhood,
    double? Latitude,
    double? Longitude,
    double? DistanceKm,
    bool OpenNow,
    string? ClosesAt,
    string? OpensAt,
    string Status,
    string? Cost,
    IReadOnlyList<string> Languages,
    string? LastVerifiedAt,
    bool Stale,
    string? SourceAsOf,
    bool ReportedClosed,
    string Url)
{
    public static ServiceSummary Of(SearchCard card)
    {
        ArgumentNullException.ThrowIfNull(card);
        var local = LocalDateTimePattern.GeneralIso;
        return new ServiceSummary(
            card.Id,
            card.Name.Text,
            card.Name.Language,
            card.Organization,
            card.Categories.Select(c => c.Code).ToList(),
            card.Categories.Select(c => c.Name).ToList(),
            card.Neighborhood,
            card.Location?.Latitude,
            card.Location?.Longitude,
            card.DistanceKm is { } km ? Math.Round(km, 2) : null,
            card.Opening.IsOpen,
            card.Opening.ClosesAt is { } closes ? local.Format(closes) : null,
            card.Opening.OpensAt is { } opens ? local.Format(opens) : null,
            card.Status.ToString(),
            card.Cost?.ToString(),
            card.Languages,
            card.Freshness.LastVerifiedAt is { } verified ? InstantPattern.General.Format(verified) : null,
            card.Freshness.IsStale,
            card.SourceAsOf is { } asOf ? LocalDatePattern.Iso.Format(asOf) : null,
            card.ReportedClosed,
            card.Url);
    }
}

public sealed record ServicesPage(int Total, int Page, int PageCount, string? Place, IReadOnlyList<CategoryCount> CategoryCounts, IReadOnlyList<ServiceSummary> Items);

public sealed record CategoryCount(string Category, int Count);
