namespace AidDirectory.Web.Features.Search;

/// <summary>One result of <c>/api/v1/services</c>. Coordinates are those a resident may see (rounded or absent).</summary>
public sealed record ServiceSummary(
    Guid Id,
    string Name,
    string Organization,
    IReadOnlyList<string> Categories,
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
    string? SourceAsOf,
    string Url);

public sealed record ServicesPage(int Total, int Page, int PageCount, string? Place, IReadOnlyList<CategoryCount> CategoryCounts, IReadOnlyList<ServiceSummary> Items);

public sealed record CategoryCount(string Category, int Count);
