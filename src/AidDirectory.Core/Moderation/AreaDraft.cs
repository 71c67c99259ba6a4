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

    /// <summary>The drawn extent, or null when there is none or its WKT cannot be read (<see cref="ServiceDraftRules.OfArea"/> says why).</summary>
    public Geometry? Extent() => ExtentWkt is { Length: > 0 } wkt ? TryShape(wkt) : null;

    private static Geometry Shape(string wkt) =>
        TryShape(wkt) ?? throw new InvalidOperationException("A drawn extent that is not WKT reached publishing: ServiceDraftRules.OfArea should have refused it.");

    private static Geometry? TryShape(string wkt)
    {
        try
        {
            var shape = new NetTopologySuite.IO.WKTReader(NetTopologySuite.NtsGeometryServices.Instance).Read(wkt);
            shape.SRID = 4326;
            return shape;
        }
        catch (Exception e) when (e is NetTopologySuite.IO.ParseException or ArgumentException or FormatException or InvalidOperationException)
        {
            // Text from an editor's browser or another directory: what cannot be read is a refusal, not a crash.
            return null;
        }
    }
}
