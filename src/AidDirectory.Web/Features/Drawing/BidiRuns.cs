using System.Globalization;
using System.Text;

namespace AidDirectory.Web.Features.Drawing;

/// <summary>
/// Splits a line into runs of one direction and one script, in visual order. A reduced form of the
/// Unicode bidirectional algorithm that covers what our text holds (a paragraph in one language with
/// names, numbers and punctuation from others): strong letters set a run's direction, numbers (with a
/// separator between their digits) read left to right, neutrals between two runs of one direction take it and otherwise the paragraph's,
/// and runs are reordered by level (rule L2). No explicit embedding marks and no mirrored brackets.
/// </summary>
public static class BidiRuns
{
    public sealed record Piece(string Text, Script Script, bool RightToLeft);

    private enum Kind
    {
        Left,
        Right,
        Number,
        Neutral,
    }

    public static IReadOnlyList<Piece> Split(string text, bool? rightToLeft)
    {
        ArgumentNullException.ThrowIfNull(text);
        var runes = text.EnumerateRunes().ToArray();
        if (runes.Length == 0)
        {
            return [];
        }

        var kinds = runes.Select(KindOf).ToArray();
        // W4: one separator between two numbers is part of the number ("312-555-0100", "9:30", "1,5").
        for (var i = 1; i < runes.Length - 1; i++)
        {
            if (kinds[i] == Kind.Neutral && runes[i].Value is '-' or '+' or '.' or ',' or ':' or '/' && kinds[i - 1] == Kind.Number && kinds[i + 1] == Kind.Number)
            {
                kinds[i] = Kind.Number;
            }
        }

        var paragraphRtl = rightToLeft ?? kinds.FirstOrDefault(k => k is Kind.Left or Kind.Right) == Kind.Right;
        var levels = Levels(kinds, paragraphRtl);
        var scripts = Scripts(runes, levels);

        var pieces = new List<(int Level, Piece Piece)>();
        var start = 0;
        for (var i = 1; i <= runes.Length; i++)
        {
            if (i < runes.Length && levels[i] == levels[start] && scripts[i] == scripts[start])
            {
                continue;
            }

            var builder = new StringBuilder();
            for (var j = start; j < i; j++)
            {
                builder.Append(runes[j].ToString());
            }

            pieces.Add((levels[start], new Piece(builder.ToString(), scripts[start], levels[start] % 2 == 1)));
            start = i;
        }

        // L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above.
        var highest = pieces.Max(p => p.Level);
        var lowestOdd = pieces.Where(p => p.Level % 2 == 1).Select(p => p.Level).DefaultIfEmpty(int.MaxValue).Min();
        for (var level = highest; level >= lowestOdd; level--)
        {
            for (var i = 0; i < pieces.Count;)
            {
                if (pieces[i].Level < level)
                {
                    i++;
                    continue;
                }

                var end = i;
                while (end < pieces.Count && pieces[end].Level >= level)
                {
                    end++;
                }

                pieces.Reverse(i, end - i);
                i = end;
            }
        }

        return pieces.Select(p => p.Piece).ToList();
    }

    private static int[] Levels(Kind[] kinds, bool paragraphRtl)
    {
        var baseLevel = paragraphRtl ? 1 : 0;
        var levels = new int[kinds.Length];
        var lastStrong = paragraphRtl ? Kind.Right : Kind.Left;
        for (var i = 0; i < kinds.Length; i++)
        {
            switch (kinds[i])
            {
                case Kind.Left:
                    levels[i] = paragraphRtl ? 2 : 0;
                    lastStrong = Kind.Left;
                    break;
                case Kind.Right:
                    levels[i] = 1;
                    lastStrong = Kind.Right;
                    break;
                case Kind.Number:
                    // Numbers read left to right: one level above a right-to-left context.
                    levels[i] = paragraphRtl || lastStrong == Kind.Right ? 2 : 0;
                    break;
                default:
                    levels[i] = -1;
                    break;
            }
        }

        // Neutrals take the direction on both sides when it agrees (numbers count as right-to-left
        // when the paragraph is), else the paragraph's.
        int Direction(int i) => i < 0 || i >= kinds.Length ? baseLevel
            : kinds[i] == Kind.Number ? (paragraphRtl ? 1 : levels[i])
            : levels[i] % 2;
        for (var i = 0; i < kinds.Length;)
        {
            if (levels[i] != -1)
            {
                i++;
                continue;
            }

            var end = i;
            while (end < kinds.Length && levels[end] == -1)
            {
                end++;
            }

            var before = Direction(i - 1) % 2;
            var after = Direction(end) % 2;
            var level = before == after ? (before == 1 ? 1 : paragraphRtl ? 2 : 0) : baseLevel;
            for (var j = i; j < end; j++)
            {
                levels[j] = level;
            }

            i = end;
        }

        return levels;
    }

    /// <summary>
    /// Each character's script; neutrals and numbers join the script of the letter before them at the same
    /// level (else the one after, else Latin), so a space after an Arabic word in an English line stays Latin.
    /// </summary>
    private static Script[] Scripts(Rune[] runes, int[] levels)
    {
        var scripts = new Script?[runes.Length];
        for (var i = 0; i < runes.Length; i++)
        {
            scripts[i] = ScriptOf(runes[i]);
        }

        for (var i = 1; i < runes.Length; i++)
        {
            if (scripts[i] is null && levels[i - 1] == levels[i])
            {
                scripts[i] = scripts[i - 1];
            }
        }

        for (var i = runes.Length - 2; i >= 0; i--)
        {
            if (scripts[i] is null && levels[i + 1] == levels[i])
            {
                scripts[i] = scripts[i + 1];
            }
        }

        return scripts.Select(s => s ?? Script.Latin).ToArray();
    }

    private static Script? ScriptOf(Rune rune)
    {
        var v = rune.Value;
        if (v is (>= 0x0600 and <= 0x08FF) or (>= 0xFB50 and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF))
        {
            return Script.Arabic;
        }

        if (v is (>= 0x2E80 and <= 0x9FFF) or (>= 0xAC00 and <= 0xD7AF) or (>= 0xF900 and <= 0xFAFF) or (>= 0xFF00 and <= 0xFFEF) or (>= 0x20000 and <= 0x3FFFF))
        {
            return Script.Chinese;
        }

        return Rune.IsLetter(rune) ? Script.Latin : null;
    }

    private static Kind KindOf(Rune rune)
    {
        var v = rune.Value;
        if (v is (>= 0x0660 and <= 0x0669) or (>= 0x06F0 and <= 0x06F9) || Rune.GetUnicodeCategory(rune) == UnicodeCategory.DecimalDigitNumber)
        {
            return Kind.Number;
        }

        if (v is (>= 0x0590 and <= 0x08FF) or (>= 0xFB1D and <= 0xFDFF) or (>= 0xFE70 and <= 0xFEFF))
        {
            return Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.OtherLetter ? Kind.Right : Kind.Neutral;
        }

        return Rune.IsLetter(rune) || Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark ? Kind.Left : Kind.Neutral;
    }
}
