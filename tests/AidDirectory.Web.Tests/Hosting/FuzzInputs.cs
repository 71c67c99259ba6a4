using System.Globalization;
using System.Text;
using CsCheck;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>
/// A value to put in a URL or a form: <see cref="Text"/> is percent-encoded as UTF-8 on the way, unless
/// <see cref="Raw"/> is given, which goes on the wire exactly as written (invalid percent-encodings, bare '%').
/// </summary>
public sealed record FuzzValue(string Text, string? Raw = null)
{
    public string Encoded => Raw ?? Encode(Text);

    // Lone surrogates become U+FFFD, as a browser would send them; Uri.EscapeDataString would throw instead.
    public static string Encode(string text)
    {
        var builder = new StringBuilder();
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            builder.Append(b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~'
                ? ((char)b).ToString()
                : "%" + b.ToString("X2", CultureInfo.InvariantCulture));
        }

        return builder.ToString();
    }

    public override string ToString() => Raw is null ? Show(Text) : $"raw:{Raw}";

    /// <summary>The text with control and invisible characters written as \uXXXX and long runs shortened, for the report.</summary>
    public static string Show(string text)
    {
        var shown = new StringBuilder();
        foreach (var c in text.Length > 120 ? text[..60] : text)
        {
            shown.Append(c < ' ' || c is '\u007f' || char.IsSurrogate(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.NonSpacingMark
                ? FormattableString.Invariant($"\\u{(int)c:x4}") : c.ToString());
        }

        return text.Length > 120 ? FormattableString.Invariant($"{shown}…({text.Length} chars)") : shown.ToString();
    }
}

/// <summary>The bad inputs, as CsCheck generators: each kind a resident's browser never sends, or sends only by accident.</summary>
public static class FuzzInputs
{
    private static Gen<string> OneOf(string[] values) => Gen.Int[0, values.Length - 1].Select(i => values[i]);

    private static Gen<string> Text(Gen<char> chars, int min, int max) => chars.Array[min, max].Select(a => new string(a));

    private static readonly string[] Numbers =
    [
        "-1", "0", "-0", "1e308", "-1e308", "1e309", "4.9e-324", "NaN", "nan", "Infinity", "-Infinity", "∞", "2147483648", "-2147483649",
        "9223372036854775808", "99999999999999999999999999999999", "0x7fffffff", "1,5", "1.5.5", "+5", "٣", "１２", "1_000", "00000000001",
        "41.85,-87.65,3", "91,181", "-90,-180", "41.85;-87.65", ",", "-180,-90,180,90", "180,90,-180,-90", "NaN,NaN,NaN,NaN", "1e400,0,0,0",
    ];

    private static readonly string[] Odd =
    [
        "", " ", "\t", "../../../../etc/passwd", "..", ".", "%", "<script>alert(1)</script>", "' OR 1=1 --", "\"", "{0}", "{{x}}", "${jndi:x}",
        "%s%n", "\\", "/", "//evil.example", "https://evil.example/", "javascript:alert(1)", "null", "undefined", "true", "[]", "{}",
        "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff", "CON", "aux.pdf",
    ];

    private static readonly string[] Unicode =
    [
        "\u202eevil\u202c", "\u200f\u200e\u200b\u2060\ufeff", "طعام مجاني", "食物", "żywność", "e\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
        "Z\u0351\u0357\u0352\u0350\u0300\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308", "\ud83d\ude00\ud83c\udff3\ufe0f\u200d\ud83c\udf08", "\ud800", "\udc00x",
        "\uffff\ufffe", "\u0130\u0131", "ǅ", "ﬃ", "\u00a0\u2028\u2029", "\u0000", "a\u0000b", "\u001b[31m", "\r\nSet-Cookie: x=1",
    ];

    // Invalid UTF-8 and broken escapes, sent as written.
    private static readonly string[] RawEncodings =
    [
        "%FF", "%FE%FF", "%C0%AF", "%C3%28", "%E2%82", "%F0%28%8C%BC", "%ED%A0%80", "%ZZ", "%", "%%", "%2", "%u0041", "%00", "%0A%0D",
        "%2e%2e%2f", "%2F", "%5C", "%252F", "%C0%80", "%F4%90%80%80", "+", "a+b%20c", "%E0%80%AF",
    ];

    /// <summary>A bad value: overlong, control characters, odd numbers, other scripts and marks, invalid encodings.</summary>
    public static readonly Gen<FuzzValue> Value = Gen.Frequency(
        (3, (IGen<FuzzValue>)OneOf(Numbers).Select(n => new FuzzValue(n))),
        (3, OneOf(Odd).Select(o => new FuzzValue(o))),
        (3, OneOf(Unicode).Select(u => new FuzzValue(u))),
        (3, OneOf(RawEncodings).Select(r => new FuzzValue(r, r))),
        (2, Gen.Int[201, 5000].Select(n => new FuzzValue(new string('a', n)))),
        (1, Gen.Int[1, 300].Select(n => new FuzzValue(string.Concat(Enumerable.Repeat("é\u0301", n))))),
        (2, Text(Gen.Char['\0', '\u001f'], 1, 20).Select(t => new FuzzValue(t))),
        (2, Text(Gen.Char['\u0080', '\uffff'], 1, 40).Select(t => new FuzzValue(t))),
        (2, Text(Gen.Char[' ', '~'], 0, 60).Select(t => new FuzzValue(t))),
        (1, Gen.Double.Select(d => new FuzzValue(d.ToString("R", CultureInfo.InvariantCulture)))),
        (1, Gen.Long.Select(l => new FuzzValue(l.ToString(CultureInfo.InvariantCulture)))));

    /// <summary>A bad path segment: the values above, dot segments, encoded slashes and NULs.</summary>
    public static readonly Gen<FuzzValue> Segment = Gen.Frequency(
        (3, (IGen<FuzzValue>)Value.Select(v => v.Text.Length > 300 ? new FuzzValue(v.Text[..300]) : v)),
        (2, OneOf(["..", ".", "%2e%2e", "%2E", "..%2f..%2f", "a%2Fb", "%5C..", "%00", "x%00.pdf", ";x=1", "%3Bx", "~", "%7E", "...."]).Select(s => new FuzzValue(s, s))));

    /// <summary>A method a route does not answer, or one no browser sends.</summary>
    public static readonly Gen<string> Method = OneOf(["GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "PROPFIND", "FOO"]);

    public static readonly Gen<int> Percent = Gen.Int[0, 99];

    public static T Draw<T>(this Gen<T> gen, PCG pcg)
    {
        ArgumentNullException.ThrowIfNull(gen);
        return gen.Generate(pcg, null, out _);
    }

    public static T Pick<T>(this PCG pcg, IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(pcg);
        ArgumentNullException.ThrowIfNull(values);
        return values[(int)pcg.Next((uint)values.Count)];
    }
}
