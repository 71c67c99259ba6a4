using AidDirectory.Search.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AidDirectory.Search.Querying;

/// <summary>
/// The Lucene query for the words of a search. Names outrank descriptions; a category word outranks both;
/// an exact word outranks a prefix, which outranks a typo. Every clause is optional, and a listing must
/// match at least one.
/// </summary>
internal static class TextQuery
{
    // Beyond this many distinct words a query adds nothing but cost (and Lucene's 1,024-clause limit).
    public const int MaxWords = 24;

    // Words that match nearly every listing in the folded fields, which have no stopword filter of their own.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "at", "for", "in", "near", "of", "on", "or", "the", "to", "with",
        "de", "del", "el", "en", "la", "las", "los", "para", "por", "un", "una", "y", "cerca",
        "i", "na", "w", "z", "do", "dla", "blisko",
    };

    /// <summary>Null when there are neither words nor categories to score.</summary>
    public static BooleanQuery? For(string original, QueryWords words, LanguageAnalyzers analyzers)
    {
        if (words.Words.Count == 0 && words.Categories.Count == 0)
        {
            return null;
        }

        // Coordination off: a listing that matches only the category word must not be scored down for
        // missing the many alternative clauses (stems, folded forms, typos) of the other words.
        var query = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        foreach (var category in words.Categories)
        {
            query.Add(new TermQuery(new Term(IndexFields.Category, category)) { Boost = 20 }, Occur.SHOULD);
        }

        var remaining = string.Join(' ', words.Words);
        foreach (var language in LanguageAnalyzers.Stemmed)
        {
            foreach (var term in analyzers.Terms(IndexFields.Name(language), language is "zh" or "ar" or "pl" ? original : remaining).Distinct(StringComparer.Ordinal).Take(MaxWords))
            {
                query.Add(new TermQuery(new Term(IndexFields.Name(language), term)) { Boost = 4 }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(IndexFields.Body(language), term)) { Boost = 1.5f }, Occur.SHOULD);
            }
        }

        var folded = words.Words.Where(w => !StopWords.Contains(w) && !IsSingleIdeograph(w)).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            var word = folded[i];
            query.Add(new TermQuery(new Term(IndexFields.FoldedName, word)) { Boost = 4 }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.FoldedBody, word)) { Boost = 1.5f }, Occur.SHOULD);
            if (i == folded.Count - 1 && word.Length >= 3)
            {
                query.Add(new PrefixQuery(new Term(IndexFields.FoldedName, word)) { Boost = 2 }, Occur.SHOULD);
            }

            if (word.Length >= 4)
            {
                var edits = word.Length >= 8 ? 2 : 1;
                query.Add(new FuzzyQuery(new Term(IndexFields.FoldedName, word), edits, prefixLength: 1) { Boost = 1 }, Occur.SHOULD);
                query.Add(new FuzzyQuery(new Term(IndexFields.FoldedBody, word), edits, prefixLength: 1) { Boost = 0.3f }, Occur.SHOULD);
            }
        }

        return query;
    }

    /// <summary>
    /// Optional clauses for the words of the place's name: a listing named for the neighbourhood ranks
    /// higher, but the name alone admits nothing. Null when the place was not named in words.
    /// </summary>
    public static BooleanQuery? ForPlace(QueryWords words)
    {
        var placeWords = words.PlaceWords.Where(w => !StopWords.Contains(w) && !IsSingleIdeograph(w)).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        if (placeWords.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery(disableCoord: true);
        foreach (var word in placeWords)
        {
            query.Add(new TermQuery(new Term(IndexFields.FoldedName, word)) { Boost = 4 }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.FoldedBody, word)) { Boost = 1.5f }, Occur.SHOULD);
        }

        return query;
    }

    // Chinese is matched through the CJK bigram fields; a lone character in the folded fields matches too much.
    private static bool IsSingleIdeograph(string word) => word.Length == 1 && word[0] >= '\u2E80';
}
