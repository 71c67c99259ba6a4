using AidDirectory.Search.Analysis;

namespace AidDirectory.Search.Tests.Analysis;

/// <summary>
/// Polish with Debian's Hunspell dictionary (hunspell-pl; ./test.sh installs it): the inflected forms a
/// listing is written in meet the forms a resident types. Without the dictionary the site still runs, with
/// Polish only folded, and says why.
/// </summary>
public sealed class PolishStemmingTests : IDisposable
{
    private readonly LanguageAnalyzers _analyzers = new();

    public void Dispose() => _analyzers.Dispose();

    [Theory]
    [InlineData("żywność", "żywności")]
    [InlineData("pomoc", "pomocy")]
    [InlineData("prawna", "prawnej")]
    [InlineData("adwokat", "adwokatem")]
    [InlineData("czynsz", "czynszu")]
    [InlineData("senior", "seniorów")]
    public void A_typed_form_and_a_written_form_share_a_term_in_the_Polish_fields(string typed, string written)
    {
        Assert.SkipWhen(_analyzers.PolishDictionaryProblem is not null && Environment.GetEnvironmentVariable("CI") != "true",
            $"Polish is not stemmed here: {_analyzers.PolishDictionaryProblem}");
        foreach (var field in new[] { IndexFields.Name("pl"), IndexFields.Body("pl") })
        {
            var shared = _analyzers.Terms(field, typed).Intersect(_analyzers.Terms(field, written)).ToList();

            Assert.True(shared.Count > 0, $"\"{typed}\" ({string.Join(", ", _analyzers.Terms(field, typed))}) and \"{written}\" ({string.Join(", ", _analyzers.Terms(field, written))}) share no term in {field}");
        }
    }

    [Fact]
    public void Polish_stop_words_are_not_terms()
    {
        Assert.Empty(_analyzers.Terms(IndexFields.Name("pl"), "dla i w na do z"));
    }

    [Fact]
    public void Without_the_dictionary_Polish_is_folded_and_the_reason_is_given()
    {
        var empty = Directory.CreateTempSubdirectory("no-hunspell-");
        try
        {
            using var analyzers = new LanguageAnalyzers(empty.FullName);

            Assert.Contains("hunspell-pl", analyzers.PolishDictionaryProblem, StringComparison.Ordinal);
            Assert.Equal(["zywnosci", "rodzin"], analyzers.Terms(IndexFields.Name("pl"), "Żywności dla rodzin"));
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
