using NetTopologySuite.Geometries;

namespace AidDirectory.Core.Places;

public sealed class ZipCode
{
    public required string Code { get; set; }
    public required Point Point { get; set; }
    public int? CommunityAreaNumber { get; set; }
}
