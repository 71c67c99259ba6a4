using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>
/// The faces the server draws text with, one per script, named rather than matched per character
/// (Skia has no per-glyph fallback inside a run). Each comes from the system's fonts: Noto from
/// Debian's <c>fonts-noto-core</c>, and for Chinese Noto Sans CJK or the smaller WenQuanYi Micro Hei.
/// A face that is missing falls back to the Latin one and is reported once at start-up.
/// </summary>
public sealed class Typefaces : IDisposable
{
    private static readonly string[] LatinFamilies = ["Noto Sans", "DejaVu Sans", "Liberation Sans"];
    private static readonly string[] ChineseFamilies = ["Noto Sans CJK SC", "WenQuanYi Micro Hei", "Droid Sans Fallback"];
    private static readonly string[] ArabicFamilies = ["Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans"];

    private readonly Dictionary<(Script, bool), Face> _faces = [];
    private readonly List<string> _missing = [];

    public Typefaces()
    {
        foreach (var bold in new[] { false, true })
        {
            var latin = Find(LatinFamilies, bold, "Latin") ?? new Face(SKTypeface.Default);
            _faces[(Script.Latin, bold)] = latin;
            _faces[(Script.Chinese, bold)] = Find(ChineseFamilies, bold, "Chinese") ?? latin;
            _faces[(Script.Arabic, bold)] = Find(ArabicFamilies, bold, "Arabic") ?? latin;
        }
    }

    /// <summary>Scripts with no installed face, e.g. "Chinese (install fonts-noto-cjk or fonts-wqy-microhei)".</summary>
    public IReadOnlyList<string> Missing => _missing;

    public Face For(Script script, bool bold) => _faces[(script, bold)];

    private Face? Find(string[] families, bool bold, string script)
    {
        var style = bold ? SKFontStyle.Bold : SKFontStyle.Normal;
        foreach (var family in families)
        {
            var typeface = SKFontManager.Default.MatchFamily(family, style);
            if (typeface is not null && string.Equals(typeface.FamilyName, family, StringComparison.OrdinalIgnoreCase))
            {
                return new Face(typeface);
            }

            typeface?.Dispose();
        }

        if (!bold)
        {
            _missing.Add($"{script} (tried {string.Join(", ", families)})");
        }

        return null;
    }

    public void Dispose()
    {
        foreach (var face in _faces.Values.Distinct())
        {
            face.Dispose();
        }
    }

    /// <summary>A typeface and its HarfBuzz shaper, created once: building a shaper reads the whole font file.</summary>
    public sealed class Face(SKTypeface typeface) : IDisposable
    {
        private readonly Lazy<(HarfBuzzSharp.Blob Blob, HarfBuzzSharp.Face Face)> _outlines = new(() =>
        {
            using var stream = typeface.OpenStream(out var index);
            // The blob reads Skia's native copy of the file, which never moves, and frees it with the blob.
            // (Blob.FromStream hands HarfBuzz a managed array that the GC may move: subsets came out garbled.)
            var data = SKData.Create(stream);
            var blob = new HarfBuzzSharp.Blob(data.Data, (int)data.Size, HarfBuzzSharp.MemoryMode.ReadOnly, data.Dispose);
            return (blob, new HarfBuzzSharp.Face(blob, index));
        });

        public SKTypeface Typeface { get; } = typeface;
        public SKShaper Shaper { get; } = new(typeface);

        /// <summary>The font file as HarfBuzz reads it (the face in a collection), for cutting subsets; read on first use.</summary>
        public HarfBuzzSharp.Face Outlines => _outlines.Value.Face;

        public void Dispose()
        {
            if (_outlines.IsValueCreated)
            {
                _outlines.Value.Face.Dispose();
                _outlines.Value.Blob.Dispose();
            }

            Shaper.Dispose();
            Typeface.Dispose();
        }
    }
}

/// <summary>The groups of writing systems that need a face of their own.</summary>
public enum Script
{
    Latin,
    Chinese,
    Arabic,
}
