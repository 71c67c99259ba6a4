using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace AidDirectory.Search.Analysis;

/// <summary>
/// Lower-cased, accent-folded, unstemmed words ("Clínica" → "clinica", "Żywność" → "zywnosc"). Used for
/// the copy of every text that typo tolerance and as-you-type prefixes search (a fuzzy or prefix query
/// bypasses analysis, so it needs unstemmed terms), and for matching place and category names.
/// Arabic is written the ways residents type it: alef with or without hamza or madda, taa marbuta as heh,
/// alef maqsura as yeh, with tatweel or short vowels; all become one form here, as in the Arabic field
/// (<see cref="ArabicNormalizationFilter"/>), and digits in any script become 0–9 ("٦٠٦٢٩" is the ZIP 60629).
/// </summary>
public sealed class FoldedAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new LowerCaseFilter(Version, source);
        result = new DecimalDigitFilter(result);
        result = new ArabicNormalizationFilter(result);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
