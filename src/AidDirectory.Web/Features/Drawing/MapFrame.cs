using NetTopologySuite.Geometries;
using SkiaSharp;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>
/// Which part of the city a drawn map shows and how it is projected onto the picture (Web Mercator,
/// as the browser map, so both look alike). The frame is fitted around what must be seen, with a margin,
/// and never tighter than a few blocks so a lone pin still shows its neighbourhood.
/// </summary>
public sealed class MapFrame
{
    private readonly double _scale;
    private readonly double _left;
    private readonly double _top;

    private MapFrame(SKRect target, double left, double top, double scale)
    {
        Target = target;
        (_left, _top, _scale) = (left, top, scale);
    }

    public SKRect Target { get; }

    /// <summary>Pixels (or points) per kilometre at the frame's centre, for drawing areas to scale.</summary>
    public double PixelsPerKm { get; private init; }

    /// <summary>
    /// Fits the geographic envelope (X = longitude) into the target rectangle, keeping its aspect, and
    /// showing at least <paramref name="minimumSpanKm"/> each way.
    /// </summary>
    public static MapFrame Fit(Envelope around, SKRect target, float margin, double minimumSpanKm)
    {
        ArgumentNullException.ThrowIfNull(around);
        var envelope = new Envelope(around);
        var kmPerDegreeLon = 111.32 * Math.Cos(envelope.Centre.Y * Math.PI / 180);
        var widthKm = envelope.Width * kmPerDegreeLon;
        var heightKm = envelope.Height * 110.57;
        if (widthKm < minimumSpanKm)
        {
            envelope.ExpandBy((minimumSpanKm - widthKm) / 2 / kmPerDegreeLon, 0);
        }

        if (heightKm < minimumSpanKm)
        {
            envelope.ExpandBy(0, (minimumSpanKm - heightKm) / 2 / 110.57);
        }

        var (x0, y0) = Project(envelope.MinX, envelope.MaxY);
        var (x1, y1) = Project(envelope.MaxX, envelope.MinY);
        var inner = SKRect.Inflate(target, -margin, -margin);
        var scale = Math.Min(inner.Width / (x1 - x0), inner.Height / (y1 - y0));
        // Centre the envelope in the target.
        var left = ((x0 + x1) / 2) - (target.MidX - target.Left) / scale;
        var top = ((y0 + y1) / 2) - (target.MidY - target.Top) / scale;
        var (_, yc) = Project(envelope.Centre.X, envelope.Centre.Y);
        var (_, yc1) = Project(envelope.Centre.X, envelope.Centre.Y + (1 / 110.57));
        return new MapFrame(target, left, top, scale) { PixelsPerKm = Math.Abs(yc1 - yc) * scale };
    }

    public SKPoint ToPicture(double longitude, double latitude)
    {
        var (x, y) = Project(longitude, latitude);
        return new SKPoint((float)(Target.Left + ((x - _left) * _scale)), (float)(Target.Top + ((y - _top) * _scale)));
    }

    /// <summary>Whether a geographic envelope (X = longitude) falls at least partly inside the picture.</summary>
    public bool Overlaps(Envelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        var topLeft = ToPicture(envelope.MinX, envelope.MaxY);
        var bottomRight = ToPicture(envelope.MaxX, envelope.MinY);
        return new SKRect(topLeft.X, topLeft.Y, bottomRight.X, bottomRight.Y).IntersectsWith(Target);
    }

    /// <summary>Spherical Mercator in units of the equator's length (0..1), y growing southwards.</summary>
    private static (double X, double Y) Project(double longitude, double latitude)
    {
        var sin = Math.Sin(latitude * Math.PI / 180);
        return ((longitude + 180) / 360, 0.5 - (Math.Log((1 + sin) / (1 - sin)) / (4 * Math.PI)));
    }
}
