using AidDirectory.Core.Listings;
using AidDirectory.Web.Features.Drawing;
using AidDirectory.Web.Features.Search;
using NetTopologySuite.Geometries;
using QRCoder;
using SkiaSharp;

namespace AidDirectory.Web.Features.Printing;

/// <summary>What one flyer says, already in its language.</summary>
public sealed record Flyer(
    string Language,
    string Title,
    string Intro,
    IReadOnlyList<PrintedListing> Listings,
    MapArea Area,
    IReadOnlyList<MapArea> Neighbours,
    Uri LiveList,
    FlyerWords Words);

/// <summary>The flyer's fixed phrases in its language.</summary>
public sealed record FlyerWords(string NotPublished, string HoursUnknown, string Free, string TemporarilyClosed, Func<int, string> More, string Scan, string Printed, string Disclaimer, string None, string Boundaries);

/// <summary>
/// Draws a flyer as a one-page US Letter PDF with SkiaSharp's PDF backend: a title, a map of the
/// neighbourhood with numbered places, the listings in two columns with address, phones and hours, and
/// a QR code to the live list with the date it was printed. Right-to-left languages are mirrored.
/// As many listings as fit are printed; the rest are counted and the QR code leads to them.
/// </summary>
public sealed class FlyerDocument(Typefaces faces, MapPainter painter)
{
    public const float PageWidth = 612;
    public const float PageHeight = 792;
    private const float Margin = 36;
    private const float Gutter = 18;
    private const float MapWidth = 230;
    private const float MapHeight = 172;
    private const float QrSize = 84;
    private const float FooterHeight = QrSize + 16;
    private const float BodySize = 9;
    private const float LineHeight = 11.5f;
    private static readonly SKColor Ink = new(0x1a, 0x1a, 0x1a);
    private static readonly SKColor Muted = new(0x55, 0x5b, 0x66);

    public byte[] Render(Flyer flyer, DateTimeOffset printedAt)
    {
        ArgumentNullException.ThrowIfNull(flyer);
        var rtl = flyer.Language == "ar";
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = flyer.Title,
            Creator = "AidDirectory",
            Producer = "AidDirectory",
            Creation = printedAt.UtcDateTime,
            Modified = printedAt.UtcDateTime,
        };
        // Drawn twice: first to learn which glyphs the page uses, then into the PDF with fonts cut down to them.
        using var fonts = new FontSubsets();
        using (var collecting = new SKNoDrawCanvas((int)PageWidth, (int)PageHeight))
        {
            Draw(collecting, flyer, rtl, fonts);
        }

        fonts.Build();
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(PageWidth, PageHeight);
            Draw(canvas, flyer, rtl, fonts);
            document.EndPage();
            document.Close();
        }

        return stream.ToArray();
    }

    /// <summary>How many of the flyer's listings fit on the page (the rest are counted under "more").</summary>
    public int Fitting(Flyer flyer) => Layout(flyer, flyer.Language == "ar").Count;

    private void Draw(SKCanvas canvas, Flyer flyer, bool rtl, FontSubsets fonts)
    {
        using var ink = new SKPaint { Color = Ink, IsAntialias = true };
        using var muted = new SKPaint { Color = Muted, IsAntialias = true };
        var contentWidth = PageWidth - (2 * Margin);
        // X of a box of this width placed from the reading side.
        float Start(float x, float width) => rtl ? PageWidth - x - width : x;
        float TextX(float x, float width) => rtl ? Start(x, width) + width : x;
        var align = rtl ? SKTextAlign.Right : SKTextAlign.Left;

        // Title and introduction, beside the map.
        var textWidth = contentWidth - MapWidth - Gutter;
        var y = Margin;
        foreach (var line in TextWrap.Lines(faces, flyer.Title, 22, bold: true, rtl, textWidth, maxLines: 3))
        {
            y += line.Ascent;
            line.Draw(canvas, TextX(Margin, textWidth), y, align, ink, fonts);
            y += line.Descent + 4;
        }

        y += 6;
        foreach (var line in TextWrap.Lines(faces, flyer.Intro, 12, bold: false, rtl, textWidth, maxLines: 4))
        {
            y += line.Ascent;
            line.Draw(canvas, TextX(Margin, textWidth), y, align, ink, fonts);
            y += line.Descent + 3;
        }

        // The map: the neighbourhood highlighted among its neighbours, numbered as the list.
        var placed = Layout(flyer, rtl);
        var mapRect = SKRect.Create(Start(PageWidth - Margin - MapWidth, MapWidth), Margin, MapWidth, MapHeight);
        var markers = placed.Select(p => MapMarker.Of(p.Listing.Location, p.Listing.Number)).OfType<MapMarker>().ToList();
        var around = new Envelope(flyer.Area.Shape.EnvelopeInternal);
        foreach (var marker in markers)
        {
            around.ExpandToInclude(marker.Longitude, marker.Latitude);
        }

        var frame = MapFrame.Fit(around, mapRect, margin: 8, minimumSpanKm: 1.6);
        painter.Paint(canvas, frame, [.. flyer.Neighbours, flyer.Area], flyer.Area.Name, markers, flyer.Words.Boundaries, rtl, scale: 0.8f, fonts);
        using (var frameStroke = new SKPaint { Color = Muted, Style = SKPaintStyle.Stroke, StrokeWidth = 0.5f, IsAntialias = true })
        {
            canvas.DrawRect(mapRect, frameStroke);
        }

        // The listings.
        foreach (var (listing, column, top, lines) in placed)
        {
            var width = (contentWidth - Gutter) / 2;
            var x = Margin + (column * (width + Gutter));
            var lineY = top;
            foreach (var (line, bold) in lines)
            {
                lineY += LineHeight;
                line.Draw(canvas, TextX(x, width), lineY, align, bold ? ink : muted, fonts);
            }
        }

        if (flyer.Listings.Count == 0)
        {
            var line = ShapedLine.Shape(faces, flyer.Words.None, 12, bold: true, rtl);
            line.Draw(canvas, TextX(Margin, contentWidth), Margin + MapHeight + 40, align, ink, fonts);
        }

        DrawFooter(canvas, flyer, placed.Count, rtl, ink, muted, fonts);
    }

    private void DrawFooter(SKCanvas canvas, Flyer flyer, int printed, bool rtl, SKPaint ink, SKPaint muted, FontSubsets fonts)
    {
        var contentWidth = PageWidth - (2 * Margin);
        var top = PageHeight - Margin - FooterHeight;
        using (var rule = new SKPaint { Color = Muted, StrokeWidth = 0.5f, IsAntialias = true })
        {
            canvas.DrawLine(Margin, top, PageWidth - Margin, top, rule);
        }

        var qrLeft = rtl ? Margin : PageWidth - Margin - QrSize;
        DrawQr(canvas, flyer.LiveList, SKRect.Create(qrLeft, top + 10, QrSize, QrSize));

        var width = contentWidth - QrSize - Gutter;
        var x = rtl ? PageWidth - Margin : Margin;
        var align = rtl ? SKTextAlign.Right : SKTextAlign.Left;
        var y = top + 10;
        var lines = new List<(string Text, float Size, bool Bold, SKPaint Paint, bool? Rtl)>();
        if (flyer.Listings.Count > printed)
        {
            lines.Add((flyer.Words.More(flyer.Listings.Count - printed), 11, true, ink, rtl));
        }

        lines.Add((flyer.Words.Scan, 11, true, ink, rtl));
        // The address reads left to right in every language.
        lines.Add((flyer.LiveList.AbsoluteUri, 9, false, ink, false));
        lines.Add((flyer.Words.Printed, 9, false, muted, rtl));
        lines.Add((flyer.Words.Disclaimer, 8, false, muted, rtl));
        foreach (var (text, size, bold, paint, direction) in lines)
        {
            foreach (var line in TextWrap.Lines(faces, text, size, bold, direction, width, maxLines: 3))
            {
                y += line.Ascent;
                line.Draw(canvas, x, y, align, paint, fonts);
                y += line.Descent + 2;
            }
        }
    }

    private static void DrawQr(SKCanvas canvas, Uri target, SKRect box)
    {
        // ASCII only (Uri.AbsoluteUri percent-encodes and punycodes), so every phone's reader decodes it.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(target.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        var modules = data.ModuleMatrix;
        var size = box.Width / modules.Count;
        using var dark = new SKPaint { Color = SKColors.Black, IsAntialias = false };
        for (var row = 0; row < modules.Count; row++)
        {
            for (var column = 0; column < modules.Count; column++)
            {
                if (modules[row][column])
                {
                    // A hair wider than the module, so no seam shows between neighbours when printed.
                    canvas.DrawRect(box.Left + (column * size), box.Top + (row * size), size + 0.05f, size + 0.05f, dark);
                }
            }
        }
    }

    /// <summary>Each listing's text lines and where it goes: down the first column, then the second, while it fits.</summary>
    private List<(PrintedListing Listing, int Column, float Top, List<(ShapedLine Line, bool Bold)> Lines)> Layout(Flyer flyer, bool rtl)
    {
        var contentWidth = PageWidth - (2 * Margin);
        var width = (contentWidth - Gutter) / 2;
        var top = Margin + MapHeight + 14;
        var bottom = PageHeight - Margin - FooterHeight - 6;
        var placed = new List<(PrintedListing, int, float, List<(ShapedLine, bool)>)>();
        var (column, y) = (0, top);
        foreach (var listing in flyer.Listings)
        {
            var lines = new List<(ShapedLine, bool)>();
            void Add(string text, bool bold, int maxLines)
            {
                // Names, addresses and phones take their own direction (an English address stays readable in an Arabic flyer).
                foreach (var line in TextWrap.Lines(faces, text, BodySize + (bold ? 1 : 0), bold, rightToLeft: null, width, maxLines))
                {
                    lines.Add((line, bold));
                }
            }

            Add($"{listing.Number}. {listing.Name.Text}", bold: true, maxLines: 2);
            var status = new List<string>();
            if (listing.Status == ServiceStatus.TemporarilyClosed)
            {
                status.Add(flyer.Words.TemporarilyClosed);
            }

            if (listing.Cost == CostKind.Free)
            {
                status.Add(flyer.Words.Free);
            }

            Add(listing.Address ?? flyer.Words.NotPublished, bold: false, maxLines: 2);
            if (listing.Phones.Count > 0)
            {
                Add(string.Join(" · ", listing.Phones.Take(2).Prepend(status.Count > 0 ? string.Join(" · ", status) : null).OfType<string>()), bold: false, maxLines: 1);
            }
            else if (status.Count > 0)
            {
                Add(string.Join(" · ", status), bold: false, maxLines: 1);
            }

            Add(listing.Hours.Count > 0 ? string.Join("; ", listing.Hours) : flyer.Words.HoursUnknown, bold: false, maxLines: 2);
            var height = (lines.Count * LineHeight) + 6;
            if (y + height > bottom)
            {
                if (column == 1)
                {
                    break;
                }

                (column, y) = (1, top);
            }

            placed.Add((listing, column, y, lines));
            y += height;
        }

        return placed;
    }
}
