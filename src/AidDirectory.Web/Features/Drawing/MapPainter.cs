using System.Globalization;
using AidDirectory.Core.Locations;
using NetTopologySuite.Geometries;
using NetTopologySuite.Simplify;
using SkiaSharp;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>A place drawn on a map: an exact pin (with an optional number) or, for an Approximate location, an area.</summary>
public sealed record MapMarker(double Longitude, double Latitude, bool Approximate, string? Label)
{
    /// <summary>What a map may draw of a location: only its shown point, an area unless Exact; null without one (Hidden).</summary>
    public static MapMarker? Of(ShownLocation? location, int? number) =>
        location is { Latitude: { } lat, Longitude: { } lon }
            ? new MapMarker(lon, lat, location.Visibility != LocationVisibility.Exact, number?.ToString(CultureInfo.InvariantCulture))
            : null;
}

/// <summary>A community area's outline to draw, with its name.</summary>
public sealed record MapArea(string Name, Geometry Shape);

/// <summary>
/// Draws a map on any Skia canvas (a PNG for a page, a PDF flyer): the community areas as the base layer,
/// their names where they fit, and the markers. Sizes are in the canvas's units times <c>scale</c>.
/// </summary>
public sealed class MapPainter(Typefaces faces)
{
    // About the shown grid's cell (500 m): an Approximate place is somewhere in this circle.
    public const double ApproximateRadiusKm = 0.4;

    private static readonly SKColor Water = new(0xdd, 0xe9, 0xf2);
    private static readonly SKColor Land = new(0xf7, 0xf5, 0xef);
    private static readonly SKColor Highlight = new(0xff, 0xf1, 0xc1);
    private static readonly SKColor Border = new(0x8a, 0x8f, 0x98);
    private static readonly SKColor LabelInk = new(0x4a, 0x50, 0x5a);
    private static readonly SKColor Pin = new(0xb3, 0x26, 0x1e);
    private static readonly SKColor AreaInk = new(0x1f, 0x5f, 0xa8);

    public void Paint(SKCanvas canvas, MapFrame frame, IReadOnlyList<MapArea> areas, string? highlight, IReadOnlyList<MapMarker> markers, string? attribution, bool rightToLeft, float scale = 1, FontSubsets? fonts = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(areas);
        ArgumentNullException.ThrowIfNull(markers);
        canvas.Save();
        canvas.ClipRect(frame.Target);
        using (var water = new SKPaint { Color = Water, IsAntialias = true })
        {
            // The city's edge: the lake to the east and the suburbs beyond the outlines look alike, as "not Chicago".
            canvas.DrawRect(frame.Target, water);
        }

        // Outlines simplified to about a pixel: finer detail only blurs the lines and weighs in the image.
        var tolerance = 1.0 / frame.PixelsPerKm / 111;
        var visible = areas.Where(a => frame.Overlaps(a.Shape.EnvelopeInternal))
            .Select(a => (Area: a, Path: PathOf(frame, TopologyPreservingSimplifier.Simplify(a.Shape, tolerance)))).ToList();
        using (var fill = new SKPaint { Color = Land, Style = SKPaintStyle.Fill })
        using (var highlightFill = new SKPaint { Color = Highlight, Style = SKPaintStyle.Fill })
        // Crisp one-pixel borders: a third of the bytes of smoothed ones in a PNG, and as readable.
        using (var stroke = new SKPaint { Color = Border, IsAntialias = false, Style = SKPaintStyle.Stroke, StrokeWidth = 0.8f * scale })
        {
            foreach (var (area, path) in visible)
            {
                canvas.DrawPath(path, area.Name == highlight ? highlightFill : fill);
            }

            foreach (var (_, path) in visible)
            {
                canvas.DrawPath(path, stroke);
            }
        }

        LabelAreas(canvas, frame, visible, rightToLeft, scale, fonts);
        foreach (var (_, path) in visible)
        {
            path.Dispose();
        }

        DrawMarkers(canvas, frame, markers, scale, fonts);
        if (attribution is not null)
        {
            DrawAttribution(canvas, frame, attribution, rightToLeft, scale, fonts);
        }

        canvas.Restore();
    }

    private void LabelAreas(SKCanvas canvas, MapFrame frame, List<(MapArea Area, SKPath Path)> visible, bool rightToLeft, float scale, FontSubsets? fonts)
    {
        var placed = new List<SKRect>();
        using var ink = new SKPaint { Color = LabelInk, IsAntialias = true };
        foreach (var (area, path) in visible.OrderByDescending(v => v.Path.Bounds.Width * v.Path.Bounds.Height))
        {
            var line = ShapedLine.Shape(faces, area.Name, 10 * scale, bold: false, rightToLeft);
            var inside = area.Shape.InteriorPoint;
            var at = frame.ToPicture(inside.X, inside.Y);
            var box = new SKRect(at.X - (line.Width / 2), at.Y - line.Ascent, at.X + (line.Width / 2), at.Y + line.Descent);
            // A name is drawn where its area is wide enough, it is inside the picture and it touches no other name.
            if (line.Width > path.Bounds.Width * 0.9f || !frame.Target.Contains(box) || placed.Any(p => p.IntersectsWith(box)))
            {
                continue;
            }

            placed.Add(box);
            line.Draw(canvas, at.X, at.Y, SKTextAlign.Center, ink, fonts);
        }
    }

    private void DrawMarkers(SKCanvas canvas, MapFrame frame, IReadOnlyList<MapMarker> markers, float scale, FontSubsets? fonts)
    {
        using var areaFill = new SKPaint { Color = AreaInk.WithAlpha(0x40), IsAntialias = true };
        using var areaStroke = new SKPaint { Color = AreaInk, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * scale };
        using var pinFill = new SKPaint { Color = Pin, IsAntialias = true };
        using var pinStroke = new SKPaint { Color = SKColors.White, IsAntialias = true, Style = SKPaintStyle.Stroke, StrokeWidth = 1.5f * scale };
        using var number = new SKPaint { Color = SKColors.White, IsAntialias = true };
        // Areas first, so a pin is never hidden under one.
        foreach (var marker in markers.Where(m => m.Approximate))
        {
            var centre = frame.ToPicture(marker.Longitude, marker.Latitude);
            var radius = Math.Max(6 * scale, (float)(ApproximateRadiusKm * frame.PixelsPerKm));
            canvas.DrawCircle(centre, radius, areaFill);
            canvas.DrawCircle(centre, radius, areaStroke);
            DrawLabel(canvas, centre, marker.Label, AreaInk, scale);
        }

        foreach (var marker in markers.Where(m => !m.Approximate))
        {
            var centre = frame.ToPicture(marker.Longitude, marker.Latitude);
            var radius = (marker.Label is null ? 7 : 8) * scale;
            canvas.DrawCircle(centre, radius, pinFill);
            canvas.DrawCircle(centre, radius, pinStroke);
            if (marker.Label is not null)
            {
                var line = ShapedLine.Shape(faces, marker.Label, 9 * scale, bold: true, rightToLeft: false);
                line.Draw(canvas, centre.X, centre.Y + ((line.Ascent - line.Descent) / 2), SKTextAlign.Center, number, fonts);
            }
        }

        void DrawLabel(SKCanvas c, SKPoint centre, string? label, SKColor color, float s)
        {
            if (label is null)
            {
                return;
            }

            using var paint = new SKPaint { Color = color, IsAntialias = true };
            var line = ShapedLine.Shape(faces, label, 10 * s, bold: true, rightToLeft: false);
            line.Draw(c, centre.X, centre.Y + ((line.Ascent - line.Descent) / 2), SKTextAlign.Center, paint, fonts);
        }
    }

    private void DrawAttribution(SKCanvas canvas, MapFrame frame, string text, bool rightToLeft, float scale, FontSubsets? fonts)
    {
        var line = ShapedLine.Shape(faces, text, 8 * scale, bold: false, rightToLeft);
        var pad = 3 * scale;
        var right = rightToLeft ? frame.Target.Left + line.Width + (2 * pad) : frame.Target.Right;
        var box = new SKRect(right - line.Width - (2 * pad), frame.Target.Bottom - line.Ascent - line.Descent - (2 * pad), right, frame.Target.Bottom);
        using var back = new SKPaint { Color = SKColors.White.WithAlpha(0xd0) };
        using var ink = new SKPaint { Color = LabelInk, IsAntialias = true };
        canvas.DrawRect(box, back);
        line.Draw(canvas, box.Right - pad, box.Bottom - pad - line.Descent, SKTextAlign.Right, ink, fonts);
    }

    private static SKPath PathOf(MapFrame frame, Geometry shape)
    {
        using var builder = new SKPathBuilder();
        for (var g = 0; g < shape.NumGeometries; g++)
        {
            if (shape.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }

            foreach (var ring in new[] { polygon.ExteriorRing }.Concat(polygon.InteriorRings))
            {
                var coordinates = ring.Coordinates;
                builder.MoveTo(frame.ToPicture(coordinates[0].X, coordinates[0].Y));
                for (var i = 1; i < coordinates.Length; i++)
                {
                    builder.LineTo(frame.ToPicture(coordinates[i].X, coordinates[i].Y));
                }

                builder.Close();
            }
        }

        return builder.Detach();
    }
}
