using System.Text;
using Lucene.Net.Analysis.Hunspell;

namespace AidDirectory.Search.Analysis;

/// <summary>
/// Reads Debian's Polish Hunspell dictionary (package <c>hunspell-pl</c>: <c>pl_PL.aff</c> and <c>pl_PL.dic</c>).
/// The files are in ISO-8859-2, which .NET reads only with an encoding provider registered for the whole
/// process; they are decoded here instead and handed to Lucene as UTF-8.
/// </summary>
public static class PolishHunspell
{
    public const string DebianFolder = "/usr/share/hunspell";

    // ISO-8859-2 from 0xA0 to 0xFF (below 0xA0 it is Latin-1).
    private const string Latin2High = "\u00A0\u0104\u02D8\u0141\u00A4\u013D\u015A\u00A7\u00A8\u0160\u015E\u0164\u0179\u00AD\u017D\u017B\u00B0\u0105\u02DB\u0142\u00B4\u013E\u015B\u02C7\u00B8\u0161\u015F\u0165\u017A\u02DD\u017E\u017C\u0154\u00C1\u00C2\u0102\u00C4\u0139\u0106\u00C7\u010C\u00C9\u0118\u00CB\u011A\u00CD\u00CE\u010E\u0110\u0143\u0147\u00D3\u00D4\u0150\u00D6\u00D7\u0158\u016E\u00DA\u0170\u00DC\u00DD\u0162\u00DF\u0155\u00E1\u00E2\u0103\u00E4\u013A\u0107\u00E7\u010D\u00E9\u0119\u00EB\u011B\u00ED\u00EE\u010F\u0111\u0144\u0148\u00F3\u00F4\u0151\u00F6\u00F7\u0159\u016F\u00FA\u0171\u00FC\u00FD\u0163\u02D9";

    /// <summary>The dictionary, or null with the reason when it is missing or cannot be read.</summary>
    public static Dictionary? Load(string folder, out string? problem)
    {
        var affix = Path.Combine(folder, "pl_PL.aff");
        var words = Path.Combine(folder, "pl_PL.dic");
        if (!File.Exists(affix) || !File.Exists(words))
        {
            problem = $"{affix} or {words} is missing (Debian: apt-get install hunspell-pl)";
            return null;
        }

        // The first line names the encoding ("SET ISO8859-2" in Debian's files).
        var affixBytes = File.ReadAllBytes(affix);
        var utf8 = StartsWith(affixBytes, "SET UTF-8");
        if (!utf8 && !StartsWith(affixBytes, "SET ISO8859-2"))
        {
            problem = $"{affix} is neither in ISO8859-2 nor in UTF-8";
            return null;
        }

        using var affixStream = new MemoryStream(utf8 ? affixBytes : Encoding.UTF8.GetBytes("SET UTF-8" + Decode(affixBytes)["SET ISO8859-2".Length..]));
        var wordBytes = File.ReadAllBytes(words);
        using var wordStream = new MemoryStream(utf8 ? wordBytes : Encoding.UTF8.GetBytes(Decode(wordBytes)));
        problem = null;
        return new Dictionary(affixStream, wordStream);
    }

    private static bool StartsWith(byte[] bytes, string ascii) =>
        bytes.AsSpan().StartsWith(Encoding.ASCII.GetBytes(ascii));

    private static string Decode(byte[] latin2)
    {
        var text = new char[latin2.Length];
        for (var i = 0; i < latin2.Length; i++)
        {
            text[i] = latin2[i] < 0xA0 ? (char)latin2[i] : Latin2High[latin2[i] - 0xA0];
        }

        return new string(text);
    }
}
