using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Util;

namespace AidDirectory.Search.Analysis;

/// <summary>
/// Lower-cased, accent-folded, unstemmed words ("Clínica" → "clinica", "Żywność" → "zywnosc"). Used for
/// Polish (no Polish stemmer is served) and for the copy of every text that typo tolerance and
/// as-you-type prefixes search: a fuzzy or prefix query bypasses analysis, so it needs unstemmed terms.
/// </summary>
public sealed class FoldedAnalyzer : Analyzer
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(Version, reader);
        TokenStream result = new LowerCaseFilter(Version, source);
        result = new ASCIIFoldingFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
