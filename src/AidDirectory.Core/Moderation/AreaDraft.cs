using AidDirectory.Core.Listings;
using NetTopologySuite.Geometries;

namespace AidDirectory.Core.Moderation;

/// <summary>Where a service without a fixed place serves; <paramref name="ExtentWkt"/> is a drawn extent (SRID 4326) as WKT.</summary>
public sealed record AreaDraft(string Name, string? Description, List<int> CommunityAreaNumbers, List<string> PostalCodes, string? ExtentWkt = null)
{
    public static AreaDraft Of(ServiceArea area)
    {
        ArgumentNullException.ThrowIfNull(area);
        return new(area.Name, area.Description, [.. area.CommunityAreaNumbers], [.. area.PostalCodes], area.Extent?.AsText());
    }

    public ServiceArea ToServiceArea(Guid id) => new()
    {
        Id = id, Name = Name, Description = Description,
        CommunityAreaNumbers = [.. CommunityAreaNumbers], PostalCodes = [.. PostalCodes],
        Extent = ExtentWkt is { Length: > 0 } wkt ? Shape(wkt) : null,
    };

    private static Geometry Shape(string wkt)
    {
        var shape = new NetTopologySuite.IO.WKTReader(NetTopologySuite.NtsGeometryServices.Instance).Read(wkt);
        shape.SRID = 4326;
        return shape;
    }
}
