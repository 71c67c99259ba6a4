using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Indexing;

/// <summary>A place a resident can name: a ZIP code or a community area (with its other names).</summary>
public sealed record Place(string Kind, string Key, string Name, Point Point, int? CommunityArea, IReadOnlyList<string> Names)
{
    public const string Zip = "zip";
    public const string Area = "area";
}
