using System.Runtime.InteropServices;
using System.Text;
using SkiaSharp;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>
/// The fonts of one document cut down to the glyphs it draws. Skia's PDF backend as SkiaSharp builds it
/// embeds each font whole: 5 MB of WenQuanYi Micro Hei made a Chinese flyer weigh 2.9 MB (issue 13,
/// finding 7). Used in two passes: draw the document once on a no-draw canvas while this is
/// <see cref="Collecting"/> (every <see cref="ShapedLine"/> reports its glyphs), <see cref="Build"/>, then draw
/// it for real; each run is then drawn with its font's subset. The subsets keep the whole font's glyph ids
/// (HarfBuzz's RETAIN_GIDS), so text shaped with the whole font draws unchanged, and they keep the cmap for
/// the text's characters, so the PDF's text layer reads back as before.
/// </summary>
public sealed class FontSubsets : IDisposable
{
    // hb_subset_flags_t
    private const uint NoHinting = 0x1;
    private const uint RetainGids = 0x2;

    private readonly Dictionary<SKTypeface, (Typefaces.Face Face, HashSet<uint> Glyphs, HashSet<uint> Characters)> _used = [];
    private readonly Dictionary<SKTypeface, SKTypeface> _subsets = [];

    /// <summary>True until <see cref="Build"/>: lines report their glyphs instead of drawing.</summary>
    public bool Collecting { get; private set; } = true;

    /// <summary>How many bytes the subsets hold, all fonts together (for tests and the log).</summary>
    public long Bytes { get; private set; }

    internal void Collect(ShapedLine.Run run)
    {
        if (!_used.TryGetValue(run.Font.Typeface, out var used))
        {
            used = (run.Face, [], []);
            _used[run.Font.Typeface] = used;
        }

        foreach (var glyph in run.Glyphs)
        {
            used.Glyphs.Add(glyph);
        }

        foreach (var rune in Encoding.UTF8.GetString(run.Text).EnumerateRunes())
        {
            used.Characters.Add((uint)rune.Value);
        }
    }

    /// <summary>Makes a subset of each font the document used. A font HarfBuzz cannot cut is drawn whole.</summary>
    public void Build()
    {
        if (!Collecting)
        {
            throw new InvalidOperationException("The subsets are already built; draw the document with them.");
        }

        Collecting = false;
        foreach (var (typeface, (face, glyphs, characters)) in _used)
        {
            if (Subset(face, glyphs, characters) is { } data)
            {
                using var skData = SKData.CreateCopy(data);
                if (SKTypeface.FromData(skData) is { } subset)
                {
                    _subsets[typeface] = subset;
                    Bytes += data.Length;
                }
            }
        }
    }

    /// <summary>The font to draw <paramref name="font"/>'s glyphs with: its subset, or null to draw with the font itself.</summary>
    internal SKFont? FontFor(SKFont font)
    {
        if (Collecting)
        {
            throw new InvalidOperationException("Build the subsets before drawing with them.");
        }

        if (!_subsets.TryGetValue(font.Typeface, out var subset))
        {
            return null;
        }

        return new SKFont(subset, font.Size, font.ScaleX, font.SkewX)
        {
            Subpixel = font.Subpixel,
            Edging = font.Edging,
            Hinting = font.Hinting,
            // A face with no bold of its own (WenQuanYi) is emboldened by fontconfig; its subset is the plain file.
            Embolden = font.Embolden || (font.Typeface.IsBold && !subset.IsBold),
        };
    }

    private static byte[]? Subset(Typefaces.Face face, HashSet<uint> glyphs, HashSet<uint> characters)
    {
        var input = Native.hb_subset_input_create_or_fail();
        if (input == IntPtr.Zero)
        {
            return null;
        }

        try
        {
            var glyphSet = Native.hb_subset_input_glyph_set(input);
            foreach (var glyph in glyphs)
            {
                Native.hb_set_add(glyphSet, glyph);
            }

            var characterSet = Native.hb_subset_input_unicode_set(input);
            foreach (var character in characters)
            {
                Native.hb_set_add(characterSet, character);
            }

            // Hinting is for small screens; a PDF is rasterised by the viewer or printer.
            Native.hb_subset_input_set_flags(input, RetainGids | NoHinting);
            var subset = Native.hb_subset_or_fail(face.Outlines.Handle, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            var blob = Native.hb_face_reference_blob(subset);
            try
            {
                var data = Native.hb_blob_get_data(blob, out var length);
                if (data == IntPtr.Zero || length == 0)
                {
                    return null;
                }

                var bytes = new byte[length];
                Marshal.Copy(data, bytes, 0, (int)length);
                return bytes;
            }
            finally
            {
                Native.hb_blob_destroy(blob);
                Native.hb_face_destroy(subset);
            }
        }
        finally
        {
            Native.hb_subset_input_destroy(input);
        }
    }

    public void Dispose()
    {
        foreach (var subset in _subsets.Values)
        {
            subset.Dispose();
        }

        _subsets.Clear();
    }

    /// <summary>HarfBuzz's subsetter, exported by the libHarfBuzzSharp that SkiaSharp.HarfBuzz already loads; HarfBuzzSharp wraps none of it.</summary>
    private static class Native
    {
        private const string Library = "libHarfBuzzSharp";

        [DllImport(Library)]
        public static extern IntPtr hb_subset_input_create_or_fail();

        [DllImport(Library)]
        public static extern void hb_subset_input_destroy(IntPtr input);

        [DllImport(Library)]
        public static extern IntPtr hb_subset_input_glyph_set(IntPtr input);

        [DllImport(Library)]
        public static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

        [DllImport(Library)]
        public static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

        [DllImport(Library)]
        public static extern void hb_set_add(IntPtr set, uint codepoint);

        [DllImport(Library)]
        public static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);

        [DllImport(Library)]
        public static extern IntPtr hb_face_reference_blob(IntPtr face);

        [DllImport(Library)]
        public static extern void hb_face_destroy(IntPtr face);

        [DllImport(Library)]
        public static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

        [DllImport(Library)]
        public static extern void hb_blob_destroy(IntPtr blob);
    }
}
