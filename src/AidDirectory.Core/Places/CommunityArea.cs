using NetTopologySuite.Geometries;

namespace AidDirectory.Core.Places;

/// <summary>One of Chicago's 77 community areas: the gazetteer that names every point's neighbourhood.</summary>
public sealed class CommunityArea
{
    public int Number { get; set; }
    public required string Name { get; set; }
    public required string Slug { get; set; }
    public List<string> AlternativeNames { get; set; } = [];
    public required Geometry Boundary { get; set; }
}
