using System.Text;
using HarfBuzzSharp;
using SkiaSharp;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>
/// One line of text ready to draw in any of our languages: split into runs by direction and script,
/// each run shaped by HarfBuzz with its script's face (so Arabic letters join), and the runs put in
/// visual order for a left-to-right or right-to-left paragraph. Each run keeps its text and clusters,
/// so a PDF's text layer reads back what was written.
/// </summary>
public sealed class ShapedLine
{
    private ShapedLine(string text, IReadOnlyList<Run> runs, float ascent, float descent)
    {
        Text = text;
        Runs = runs;
        Width = runs.Sum(r => r.Width);
        Ascent = ascent;
        Descent = descent;
    }

    /// <summary>The text in logical (reading) order.</summary>
    public string Text { get; }
    public IReadOnlyList<Run> Runs { get; }
    public float Width { get; }
    /// <summary>Distance from the baseline up to the tallest face's ascent (positive).</summary>
    public float Ascent { get; }
    public float Descent { get; }

    /// <summary>Shapes a line; a null <c>rightToLeft</c> takes the direction from the first letter, like HTML's <c>dir="auto"</c>.</summary>
    public static ShapedLine Shape(Typefaces faces, string text, float size, bool bold, bool? rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(faces);
        ArgumentNullException.ThrowIfNull(text);
        var runs = new List<Run>();
        float ascent = 0, descent = 0;
        foreach (var piece in BidiRuns.Split(text, rightToLeft))
        {
            var face = faces.For(piece.Script, bold);
            var font = new SKFont(face.Typeface, size) { Subpixel = true };
            var bytes = Encoding.UTF8.GetBytes(piece.Text);
            using var buffer = new HarfBuzzSharp.Buffer();
            buffer.AddUtf8(bytes);
            buffer.Direction = piece.RightToLeft ? Direction.RightToLeft : Direction.LeftToRight;
            buffer.GuessSegmentProperties();
            var shaped = face.Shaper.Shape(buffer, font);
            runs.Add(new Run(face, font, [.. shaped.Codepoints.Select(g => (ushort)g)], shaped.Points, shaped.Clusters, bytes, shaped.Width));
            ascent = Math.Max(ascent, -font.Metrics.Ascent);
            descent = Math.Max(descent, font.Metrics.Descent);
        }

        return new ShapedLine(text, runs, ascent, descent);
    }

    /// <summary>
    /// Draws the line with its baseline at <paramref name="y"/>, aligned on <paramref name="x"/>; with
    /// <paramref name="fonts"/>, reports its glyphs while they are collected and draws with their subsets after.
    /// </summary>
    public void Draw(SKCanvas canvas, float x, float y, SKTextAlign align, SKPaint paint, FontSubsets? fonts = null)
    {
        ArgumentNullException.ThrowIfNull(canvas);
        if (Runs.Count == 0)
        {
            return;
        }

        if (fonts is { Collecting: true })
        {
            foreach (var run in Runs)
            {
                fonts.Collect(run);
            }

            return;
        }

        var left = align switch { SKTextAlign.Right => x - Width, SKTextAlign.Center => x - (Width / 2), _ => x };
        using var builder = new SKTextBlobBuilder();
        foreach (var run in Runs)
        {
            using var subset = fonts?.FontFor(run.Font);
            var buffer = builder.AllocatePositionedTextRun(subset ?? run.Font, run.Glyphs.Length, run.Text.Length);
            buffer.SetGlyphs(run.Glyphs);
            buffer.SetPositions(run.Points.Select(p => new SKPoint(p.X + left, p.Y)).ToArray());
            buffer.SetText(run.Text);
            buffer.SetClusters(run.Clusters);
            left += run.Width;
        }

        using var blob = builder.Build();
        if (blob is not null)
        {
            canvas.DrawText(blob, 0, y, paint);
        }
    }

    /// <summary>A shaped run: glyphs, their positions from the run's start, and the UTF-8 text they came from.</summary>
    public sealed record Run(Typefaces.Face Face, SKFont Font, ushort[] Glyphs, SKPoint[] Points, uint[] Clusters, byte[] Text, float Width);
}
