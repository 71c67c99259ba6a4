using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Hunspell;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;

namespace AidDirectory.Search.Analysis;

/// <summary>
/// Polish words reduced to their dictionary forms with Hunspell and Debian's <c>hunspell-pl</c> dictionary
/// ("żywności" and "żywnościowe" → "żywność", "pomocy prawnej" → "pomoc prawny"), then folded like
/// <see cref="FoldedAnalyzer"/>. A word the dictionary does not know is kept as it is. Every stem Hunspell
/// gives is kept, so a word with two readings matches both. Without the dictionary, the words are only
/// folded (as in the folded fields) and searching Polish works as it did before stemming.
/// </summary>
public sealed class PolishAnalyzer(Dictionary? dictionary) : Analyzer
{
    // Words nearly every listing has; without them "pomoc dla rodzin" would match on "dla".
    private static readonly CharArraySet StopWords = new(FoldedAnalyzer.Version,
        ["a", "i", "w", "we", "z", "ze", "na", "do", "dla", "o", "od", "po", "przy", "oraz", "lub", "się", "to", "jest", "blisko", "u"], ignoreCase: true);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(FoldedAnalyzer.Version, reader);
        TokenStream result = new LowerCaseFilter(FoldedAnalyzer.Version, source);
        result = new StopFilter(FoldedAnalyzer.Version, result, StopWords);
        if (dictionary is not null) result = new HunspellStemFilter(result, dictionary, dedup: true, longestOnly: false);
        result = new ASCIIFoldingFilter(result);
        result = new RemoveDuplicatesTokenFilter(result);
        return new TokenStreamComponents(source, result);
    }
}
