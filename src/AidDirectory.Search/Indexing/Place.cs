using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Indexing;

/// <summary>A place a resident can name: a ZIP code or a community area (with its other names).</summary>
public sealed record Place(string Kind, string Key, string Name, Point Point, int? CommunityArea, IReadOnlyList<string> Names)
{
    public const string Zip = "zip";
    public const string Area = "area";

    /// <summary>
    /// Every community area the place means: its own, or several for a neighbourhood that spans areas
    /// ("Garfield Park" is in East and West Garfield Park).
    /// </summary>
    public IReadOnlyList<int> CommunityAreas { get; init; } = CommunityArea is { } area ? [area] : [];
}
