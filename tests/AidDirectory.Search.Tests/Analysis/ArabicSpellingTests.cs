using AidDirectory.Search.Analysis;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using NetTopologySuite.Geometries;
using static AidDirectory.Search.Tests.Infrastructure.TestListings;

namespace AidDirectory.Search.Tests.Analysis;

/// <summary>
/// Arabic is typed in several ways that mean the same word: with or without the hamza on alef (أ إ آ / ا),
/// taa marbuta as heh (ة / ه), alef maqsura as yeh (ى / ي), with a tatweel stretching the word (ـ), and
/// with or without the short vowels (harakat). Every spelling must find what the plain one finds.
/// </summary>
public sealed class ArabicSpellingTests(LanguageRelevanceTests.Indexes indexes) : IClassFixture<LanguageRelevanceTests.Indexes>
{
    private readonly PublishedListingIndex _index = indexes.WithTaxonomy;

    // (as most residents would type it, another way residents type it)
    public static readonly TheoryData<string, string> Spellings = new()
    {
        { "مساعدة قانونية", "مساعده قانونيه" },   // taa marbuta typed as heh
        { "إيجار", "ايجار" },                     // alef with hamza below, and without
        { "ملجأ", "ملجا" },                       // alef with hamza above, and without
        { "آمن", "امن" },                         // alef madda, and plain alef
        { "مأوى", "ماوي" },                       // hamza on alef, and alef maqsura typed as yeh
        { "طعام", "طَعَام" },                      // with the short vowels
        { "طعام", "طعـــام" },                     // stretched with tatweel
        { "محامي", "مُحَامِي" },
    };

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Both_spellings_become_the_same_terms_in_every_field(string plain, string variant)
    {
        var analyzers = _index.Analyzers;
        foreach (var field in new[] { IndexFields.FoldedName, IndexFields.FoldedBody, IndexFields.Name("ar"), IndexFields.Body("ar") })
        {
            Assert.Equal(analyzers.Terms(field, plain), analyzers.Terms(field, variant));
        }
    }

    [Theory]
    [MemberData(nameof(Spellings))]
    public void Both_spellings_find_the_same_listings_in_the_same_order_and_the_same_categories(string plain, string variant)
    {
        var expected = _index.Search(new SearchQuery { Text = plain, Language = "ar", AllPages = true });
        var actual = _index.Search(new SearchQuery { Text = variant, Language = "ar", AllPages = true });

        Assert.Equal(expected.Categories, actual.Categories);
        Assert.Equal(expected.Hits.Select(h => h.Listing.Service.ExternalId), actual.Hits.Select(h => h.Listing.Service.ExternalId));
    }

    [Fact]
    public void A_category_typed_without_hamza_or_with_vowels_is_still_the_category()
    {
        var vocabulary = _index.Vocabulary;
        var analyzers = _index.Analyzers;

        Assert.Contains("housing", vocabulary.Find(string.Join(' ', analyzers.Fold("ايجار"))));
        Assert.Contains("shelter", vocabulary.Find(string.Join(' ', analyzers.Fold("ماوي"))));
        Assert.Contains("food", vocabulary.Find(string.Join(' ', analyzers.Fold("طَعَامٌ"))));
        Assert.Contains("legal", vocabulary.Find(string.Join(' ', analyzers.Fold("مساعده قانونيه"))));
    }

    [Fact]
    public void A_ZIP_typed_in_Arabic_Indic_digits_is_the_place()
    {
        var zip = new Place(Place.Zip, "60629", "60629", Wgs84.CreatePoint(new Coordinate(-87.7116, 41.7753)), 65, []);
        var analyzers = _index.Analyzers;
        var places = new PlaceNames([zip], analyzers);

        var words = QueryWords.Read("طعام ٦٠٦٢٩", analyzers, _index.Vocabulary, places, QueryWords.FoldedFreeWords(analyzers));

        Assert.Equal("60629", words.Place?.Key);
        Assert.Equal(["food"], words.Categories);
    }
}
