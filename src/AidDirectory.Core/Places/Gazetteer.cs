using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace AidDirectory.Core.Places;

/// <summary>Names the community area that contains a point.</summary>
public sealed class Gazetteer
{
    private readonly STRtree<CommunityArea> _tree = new();

    public Gazetteer(IEnumerable<CommunityArea> areas)
    {
        ArgumentNullException.ThrowIfNull(areas);
        foreach (var area in areas)
        {
            _tree.Insert(area.Boundary.EnvelopeInternal, area);
        }

        _tree.Build();
    }

    public CommunityArea? AreaContaining(Point point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return _tree.Query(point.EnvelopeInternal).FirstOrDefault(a => a.Boundary.Covers(point));
    }
}
