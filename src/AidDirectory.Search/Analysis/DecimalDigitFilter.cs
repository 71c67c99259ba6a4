using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace AidDirectory.Search.Analysis;

/// <summary>
/// Digits of any script become 0–9: a ZIP or a phone typed in Arabic-Indic (٦٠٦٢٩) or Persian (۶۰۶۲۹)
/// digits is the same number. Lucene.Net 4.8 has no such filter (Lucene added one in 5.4).
/// </summary>
internal sealed class DecimalDigitFilter(TokenStream input) : TokenFilter(input)
{
    private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

    public override bool IncrementToken()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        var buffer = _term.Buffer;
        for (var i = 0; i < _term.Length; i++)
        {
            if (buffer[i] > '\u007F' && CharUnicodeInfo.GetDecimalDigitValue(buffer[i]) is var digit and >= 0)
            {
                buffer[i] = (char)('0' + digit);
            }
        }

        return true;
    }
}
