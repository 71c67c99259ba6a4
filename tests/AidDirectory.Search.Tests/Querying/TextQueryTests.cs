using AidDirectory.Search.Analysis;
using AidDirectory.Search.Querying;
using Lucene.Net.Search;

namespace AidDirectory.Search.Tests.Querying;

public sealed class TextQueryTests : IDisposable
{
    private readonly LanguageAnalyzers _analyzers = new();

    public void Dispose() => _analyzers.Dispose();

    [Fact]
    public void Without_words_or_categories_there_is_nothing_to_score()
    {
        Assert.Null(TextQuery.For("", Typed(""), _analyzers));
    }

    [Fact]
    public void Stop_words_are_left_out_of_the_folded_fields_in_every_language()
    {
        foreach (var text in new[] { "food near the pantry", "comida cerca de la despensa", "jedzenie blisko w spiżarni" })
        {
            var folded = Terms(TextQuery.For(text, Typed(text), _analyzers), IndexFields.FoldedName);

            Assert.Equal(2, folded.Count);
            Assert.DoesNotContain(folded, w => w is "near" or "the" or "cerca" or "de" or "la" or "blisko" or "w");
        }
    }

    [Fact]
    public void A_lone_Chinese_character_is_left_to_the_bigram_fields()
    {
        // The folded fields split Chinese into single characters; 食物银行 ("food bank") would match any listing with 食 or 行.
        const string text = "食物银行 pantry";
        var query = TextQuery.For(text, Typed(text), _analyzers);

        Assert.Equal(["食", "物", "银", "行", "pantry"], Typed(text).Words);
        Assert.Equal(["pantry"], Terms(query, IndexFields.FoldedName));
        Assert.Equal(["pantry"], Terms(query, IndexFields.FoldedBody));
        Assert.Equal(["食物", "物银", "银行", "pantry"], Terms(query, IndexFields.Name("zh")));
    }

    [Fact]
    public void No_more_than_MaxWords_distinct_words_are_asked_for_in_any_field()
    {
        var words = Enumerable.Range(0, 40).Select(i => $"word{i % 30:00}").ToList();
        var text = string.Join(' ', words);
        var query = TextQuery.For(text, new QueryWords(words, [], null, false), _analyzers);

        Assert.Equal(words.Distinct().Take(TextQuery.MaxWords), Terms(query, IndexFields.FoldedName));
        Assert.Equal(TextQuery.MaxWords, Terms(query, IndexFields.Name("en")).Count);
        Assert.Equal(TextQuery.MaxWords, Terms(query, IndexFields.Name("zh")).Count);
        Assert.InRange(query!.Clauses.Count, TextQuery.MaxWords, BooleanQuery.MaxClauseCount);
    }

    [Fact]
    public void The_last_word_is_also_a_prefix_and_words_of_four_letters_or_more_allow_typos()
    {
        const string text = "legal clinica";
        var clauses = Clauses(TextQuery.For(text, Typed(text), _analyzers), IndexFields.FoldedName);

        Assert.Equal(
            [("term", "legal", 0), ("fuzzy", "legal", 1), ("term", "clinica", 0), ("prefix", "clinica", 0), ("fuzzy", "clinica", 1)],
            clauses);
        Assert.Contains(("fuzzy", "immigration", 2), Clauses(TextQuery.For("immigration", Typed("immigration"), _analyzers), IndexFields.FoldedName));
    }

    private QueryWords Typed(string text) => new([.. _analyzers.Fold(text)], [], null, false);

    private static List<string> Terms(BooleanQuery? query, string field) =>
        [.. Clauses(query, field).Where(c => c.Kind == "term").Select(c => c.Text)];

    private static List<(string Kind, string Text, int Edits)> Clauses(BooleanQuery? query, string field)
    {
        Assert.NotNull(query);
        var clauses = new List<(string Kind, string Text, int Edits)>();
        foreach (var clause in query.Clauses)
        {
            switch (clause.Query)
            {
                case TermQuery t when t.Term.Field == field:
                    clauses.Add(("term", t.Term.Text, 0));
                    break;
                case PrefixQuery p when p.Prefix.Field == field:
                    clauses.Add(("prefix", p.Prefix.Text, 0));
                    break;
                case FuzzyQuery f when f.Term.Field == field:
                    clauses.Add(("fuzzy", f.Term.Text, f.MaxEdits));
                    break;
            }
        }

        return clauses;
    }
}
