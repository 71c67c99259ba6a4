using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Ar;
using Lucene.Net.Analysis.Cjk;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Es;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;

namespace AidDirectory.Search.Analysis;

/// <summary>
/// The analyzer of every field. Text is indexed twice: in the field of the language it is written in
/// (<c>name_en</c>, <c>body_es</c>… with that language's stemming: English, Spanish, Arabic, Polish with
/// Hunspell, CJK bigrams for Chinese) and folded and unstemmed (<c>name_f</c>, <c>body_f</c>) for other
/// languages, typos and prefixes.
/// </summary>
public sealed class LanguageAnalyzers : IDisposable
{
    /// <summary>Languages with an analyzer of their own; any other language is only in the folded fields.</summary>
    public static readonly IReadOnlyList<string> Stemmed = ["en", "es", "ar", "zh", "pl"];

    private readonly List<Analyzer> _owned = [];

    /// <param name="hunspellFolder">Where <c>pl_PL.aff</c> and <c>pl_PL.dic</c> are; without them Polish is only folded.</param>
    public LanguageAnalyzers(string hunspellFolder = PolishHunspell.DebianFolder)
    {
        Folded = Own(new FoldedAnalyzer());
        var polish = PolishHunspell.Load(hunspellFolder, out var problem);
        PolishDictionaryProblem = problem;
        var perField = new Dictionary<string, Analyzer>(StringComparer.Ordinal);
        foreach (var language in Stemmed)
        {
            Analyzer analyzer = language switch
            {
                "en" => Own(new EnglishAnalyzer(FoldedAnalyzer.Version)),
                "es" => Own(new SpanishAnalyzer(FoldedAnalyzer.Version)),
                "ar" => Own(new ArabicAnalyzer(FoldedAnalyzer.Version)),
                "pl" => Own(new PolishAnalyzer(polish)),
                _ => Own(new CJKAnalyzer(FoldedAnalyzer.Version)),
            };
            perField[IndexFields.Name(language)] = analyzer;
            perField[IndexFields.Body(language)] = analyzer;
        }

        PerField = Own(new PerFieldAnalyzerWrapper(Folded, perField));
    }

    public Analyzer Folded { get; }

    /// <summary>Why Polish is not stemmed (the dictionary is missing or unreadable), or null when it is.</summary>
    public string? PolishDictionaryProblem { get; }

    public Analyzer PerField { get; }

    /// <summary>The terms <paramref name="text"/> becomes in <paramref name="field"/>.</summary>
    public IReadOnlyList<string> Terms(string field, string text)
    {
        var terms = new List<string>();
        using var stream = PerField.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>Folded words of a text, for matching names of places and categories.</summary>
    public IReadOnlyList<string> Fold(string text) => Terms(IndexFields.FoldedName, text);

    public void Dispose()
    {
        foreach (var analyzer in _owned)
        {
            analyzer.Dispose();
        }
    }

    private T Own<T>(T analyzer) where T : Analyzer
    {
        _owned.Add(analyzer);
        return analyzer;
    }
}
