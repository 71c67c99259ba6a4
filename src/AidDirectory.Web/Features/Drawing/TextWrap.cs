using System.Text;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>Breaks text into shaped lines no wider than a width: at spaces, and between Chinese characters.</summary>
public static class TextWrap
{
    public static IReadOnlyList<ShapedLine> Lines(Typefaces faces, string text, float size, bool bold, bool? rightToLeft, float maxWidth, int maxLines = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(text);
        ShapedLine Shape(string s) => ShapedLine.Shape(faces, s.TrimEnd(), size, bold, rightToLeft);
        var lines = new List<ShapedLine>();
        var pieces = Pieces(text.Trim());
        var (current, fitted) = ("", (ShapedLine?)null);
        for (var i = 0; i < pieces.Count;)
        {
            if (lines.Count == maxLines)
            {
                // The last line that fits says there is more.
                lines[^1] = Shape(lines[^1].Text + "…");
                return lines;
            }

            var shaped = Shape(current + pieces[i]);
            if (shaped.Width <= maxWidth)
            {
                (current, fitted) = (current + pieces[i], shaped);
                i++;
            }
            else if (fitted is not null)
            {
                lines.Add(fitted);
                (current, fitted) = ("", null);
            }
            else
            {
                // One word wider than the line (a long address or URL): cut it where it must be cut.
                var runes = pieces[i].EnumerateRunes().Select(r => r.ToString()).ToList();
                var take = Math.Max(1, runes.Count - 1);
                while (take > 1 && Shape(string.Concat(runes.Take(take))).Width > maxWidth)
                {
                    take--;
                }

                lines.Add(Shape(string.Concat(runes.Take(take))));
                pieces[i] = string.Concat(runes.Skip(take));
            }
        }

        if (fitted is not null)
        {
            lines.Add(fitted);
        }

        return lines;
    }

    /// <summary>Words with their trailing space, and each Chinese character on its own.</summary>
    private static List<string> Pieces(string text)
    {
        var pieces = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            var chinese = rune.Value is (>= 0x2E80 and <= 0x9FFF) or (>= 0xF900 and <= 0xFAFF) or (>= 0x20000 and <= 0x3FFFF);
            if (chinese && current.Length > 0)
            {
                pieces.Add(current.ToString());
                current.Clear();
            }

            current.Append(rune.ToString());
            if (chinese || Rune.IsWhiteSpace(rune))
            {
                pieces.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            pieces.Add(current.ToString());
        }

        return pieces;
    }
}
