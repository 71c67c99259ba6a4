using System.Text.Json;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using AidDirectory.Web.Features.Shared;
using NetTopologySuite.Precision;
using NetTopologySuite.Simplify;

namespace AidDirectory.Web.Features.Map;

/// <summary>
/// The default base layer (design §5): the community areas' outlines and names, simplified to what a
/// city-wide map shows and served from our own origin, so drawing a map asks no tile server anything
/// and tells no one which part of the city a resident looked at. Read once at start-up.
/// </summary>
public sealed class AreaOutlines
{
    // About 50 m: invisible at the zoom levels a city map is read at, and a twentieth of the bytes.
    private const double Tolerance = 0.0005;
    private static readonly GeometryPrecisionReducer FiveDecimals = new(new PrecisionModel(100_000));

    // About 1 km around the city's outline: a hand-drawn area may overshoot the boundary or the shore a little.
    private const double RegionMargin = 0.01;

    private volatile Snapshot _current = new([], new HashSet<int>(), JsonSerializer.SerializeToUtf8Bytes(new FeatureCollection(), GeoJson.Options), null);

    public IReadOnlyList<Outline> Areas => _current.Areas;

    /// <summary>The community areas' numbers (1–77 in Chicago), for checking a number someone typed or sent.</summary>
    public IReadOnlySet<int> Numbers => _current.Numbers;

    /// <summary>The deployment's outline (every community area together, with a small margin): where a drawn service area must lie. Null before loading.</summary>
    public Geometry? Region => _current.Region;

    /// <summary>A GeoJSON FeatureCollection of the outlines, with each area's number, name and slug.</summary>
    public ReadOnlyMemory<byte> GeoJsonBytes => _current.GeoJsonBytes;

    public async Task LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var areas = await db.CommunityAreas.AsNoTracking().OrderBy(a => a.Number).ToListAsync(cancellationToken);
        var outlines = areas
            .Select(a => new Outline(a.Number, a.Name, a.Slug, FiveDecimals.Reduce(TopologyPreservingSimplifier.Simplify(a.Boundary, Tolerance))))
            .ToList();
        var features = new FeatureCollection();
        foreach (var outline in outlines)
        {
            features.Add(new Feature(outline.Shape, new AttributesTable { { "number", outline.Number }, { "name", outline.Name }, { "slug", outline.Slug } }));
        }

        var region = areas.Count == 0 ? null : NetTopologySuite.Operation.Union.UnaryUnionOp.Union(areas.Select(a => a.Boundary).ToList()).Buffer(RegionMargin);
        _current = new Snapshot(outlines, outlines.Select(o => o.Number).ToHashSet(), JsonSerializer.SerializeToUtf8Bytes(features, GeoJson.Options), region);
    }

    public sealed record Outline(int Number, string Name, string Slug, Geometry Shape);

    private sealed record Snapshot(IReadOnlyList<Outline> Areas, IReadOnlySet<int> Numbers, byte[] GeoJsonBytes, Geometry? Region);
}
