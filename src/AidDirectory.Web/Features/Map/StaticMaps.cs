using AidDirectory.Core.Locations;
using AidDirectory.Web.Features.Drawing;
using Microsoft.Extensions.Caching.Memory;
using NetTopologySuite.Geometries;
using SkiaSharp;

namespace AidDirectory.Web.Features.Map;

/// <summary>
/// Maps drawn on the server as small PNGs: the listing page's map, and the results page's map for a
/// browser without JavaScript. Drawn from the same outlines as the browser map and only from what a
/// <see cref="ShownLocation"/> shows, so an Approximate place is an area here too.
/// </summary>
public sealed class StaticMaps(AreaOutlines outlines, MapPainter painter) : IDisposable
{
    public const int Width = 640;
    public const int Height = 360;
    // A listing's map depends only on its shown place and language, so it is kept by those (not by
    // listing or by who asked) in memory, within a few megabytes. Results maps are never kept: they
    // come from what a resident searched for.
    private readonly MemoryCache _listingMaps = new(new MemoryCacheOptions { SizeLimit = 8 * 1024 * 1024 });

    /// <summary>The map of one place; null when the location shows no point (Hidden, or not placed).</summary>
    public byte[]? OfPlace(ShownLocation? location, string attribution, bool rightToLeft)
    {
        if (MapMarker.Of(location, number: null) is not { } marker)
        {
            return null;
        }

        var key = (marker, attribution, rightToLeft);
        if (_listingMaps.TryGetValue(key, out byte[]? cached))
        {
            return cached;
        }

        var png = Draw([marker], new Envelope(marker.Longitude, marker.Longitude, marker.Latitude, marker.Latitude), attribution, rightToLeft, minimumSpanKm: 4);
        _listingMaps.Set(key, png, new MemoryCacheEntryOptions { Size = png.Length, SlidingExpiration = TimeSpan.FromHours(6) });
        return png;
    }

    /// <summary>The map of a page of results, numbered as the list is; the place searched, if any, is kept in view.</summary>
    public byte[] OfResults(IReadOnlyList<MapMarker> markers, Point? place, string attribution, bool rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(markers);
        var around = new Envelope();
        foreach (var marker in markers)
        {
            around.ExpandToInclude(marker.Longitude, marker.Latitude);
        }

        if (place is not null)
        {
            around.ExpandToInclude(place.X, place.Y);
        }

        if (around.IsNull)
        {
            // Nothing to show: the whole city.
            foreach (var area in outlines.Areas)
            {
                around.ExpandToInclude(area.Shape.EnvelopeInternal);
            }
        }

        return Draw(markers, around, attribution, rightToLeft, minimumSpanKm: 1.6);
    }

    /// <summary>A drawn service area over the city's outlines, as a moderator reviews it; never cached (staff only, rare).</summary>
    public byte[] OfDrawnArea(Geometry shape, string name, string attribution)
    {
        ArgumentNullException.ThrowIfNull(shape);
        var areas = outlines.Areas.Select(a => new MapArea(a.Name, a.Shape)).Append(new MapArea(name, shape)).ToList();
        var around = shape.EnvelopeInternal.Copy();
        return Draw([], around, attribution, rightToLeft: false, minimumSpanKm: 2, areas, highlight: name);
    }

    private byte[] Draw(IReadOnlyList<MapMarker> markers, Envelope around, string attribution, bool rightToLeft, double minimumSpanKm, IReadOnlyList<MapArea>? areas = null, string? highlight = null)
    {
        var info = new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Opaque);
        using var surface = SKSurface.Create(info);
        var frame = MapFrame.Fit(around, new SKRect(0, 0, Width, Height), margin: 24, minimumSpanKm);
        areas ??= outlines.Areas.Select(a => new MapArea(a.Name, a.Shape)).ToList();
        painter.Paint(surface.Canvas, frame, areas, highlight, markers, attribution, rightToLeft);
        using var pixels = surface.PeekPixels();
        using var data = pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, 9));
        return data!.ToArray();
    }

    public void Dispose() => _listingMaps.Dispose();
}
