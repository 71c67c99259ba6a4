using AidDirectory.Search.Indexing;
using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Querying;

/// <summary>
/// A search, already checked (the web layer parses and validates one request into this, so the page,
/// the API and the map agree). Text may still hold place names, ZIP codes and "free": the index reads
/// them out of it (<see cref="QueryWords"/>).
/// </summary>
public sealed record SearchQuery
{
    public const int PageSize = 20;
    public const double DefaultRadiusKm = 5;
    public const double MaxRadiusKm = 50;

    public string Text { get; init; } = "";
    public string Language { get; init; } = "en";
    public string? Category { get; init; }
    /// <summary>A ZIP code or community area given as a parameter.</summary>
    public Place? Place { get; init; }
    /// <summary>Coordinates the browser rounded before sending (never stored).</summary>
    public Point? Near { get; init; }
    public double RadiusKm { get; init; } = DefaultRadiusKm;
    /// <summary>
    /// The visible map area: only listings whose shown point lies inside (X = longitude). It replaces the
    /// radius around a place ("search this area" after moving the map); the place still orders by distance.
    /// </summary>
    public Envelope? Box { get; init; }
    /// <summary>Only listings in this community area, or whose service area names it (the neighbourhood page).</summary>
    public int? InArea { get; init; }
    /// <summary>ISO 639-1 code of a language staff must speak.</summary>
    public string? Speaks { get; init; }
    /// <summary>ISO 639 code of a language an interpreter can be arranged in (or any language, on request).</summary>
    public string? Interpretation { get; init; }
    public bool Free { get; init; }
    /// <summary><c>none</c>, <c>no_photo_id</c> or <c>no_ssn</c>.</summary>
    public string? Documents { get; init; }
    public bool NoStatusQuestion { get; init; }
    public bool WalkIn { get; init; }
    public bool Delivery { get; init; }
    public bool Wheelchair { get; init; }
    public bool OpenNow { get; init; }
    public int Page { get; init; } = 1;
    /// <summary>Every match at once (the map's GeoJSON), not one page.</summary>
    public bool AllPages { get; init; }
}
