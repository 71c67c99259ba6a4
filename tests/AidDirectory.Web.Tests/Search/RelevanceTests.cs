using AidDirectory.Core.Listings;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Search;

/// <summary>What residents type, in their languages and with their typos, and what must come back, over the real sample data.</summary>
public sealed class RelevanceTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private SearchResults Search(string text, string language = "en") =>
        app.Services.GetRequiredService<PublishedListingIndex>().Search(new SearchQuery { Text = text, Language = language });

    private static bool In(SearchHit hit, string category) => hit.Listing.Service.Categories.Any(c => c.Code == category);

    [Theory]
    [InlineData("comida", "food")]                 // Spanish
    [InlineData("despensa", "food")]
    [InlineData("żywność", "food")]                // Polish
    [InlineData("zywnosc", "food")]                // Polish typed without its letters
    [InlineData("食物", "food")]                    // Chinese
    [InlineData("طعام", "food")]                   // Arabic
    [InlineData("abogado", "legal")]
    [InlineData("abogdo", "legal")]                // a typo
    [InlineData("prawnik", "legal")]
    [InlineData("律师", "legal")]
    [InlineData("محامي", "legal")]
    [InlineData("DACA", "immigration")]
    [InlineData("green card", "immigration")]
    [InlineData("inmigración", "immigration")]
    [InlineData("clínica", "health")]
    [InlineData("clinic", "health")]
    [InlineData("refugio", "shelter")]
    [InlineData("línea de ayuda", "hotline")]
    public void A_word_in_any_language_finds_its_category_first(string text, string category)
    {
        var results = Search(text);
        Assert.True(results.Total > 0, $"\"{text}\" found nothing");
        var inCategory = results.CategoryCounts.Single(c => c.Category == category).Count;
        Assert.All(results.Hits.Take(Math.Min(5, inCategory)), hit => Assert.True(In(hit, category), $"\"{text}\" put {hit.Listing.Service.Name} in the top five"));
    }

    [Theory]
    [InlineData("albany park library", "Albany Park Library")]
    [InlineData("Albany Park Libary", "Albany Park Library")]   // a typo in the name
    [InlineData("albany park lib", "Albany Park Library")]      // as you type
    [InlineData("englewood wic", "Englewood Neighborhood Health Center WIC Clinic")]
    [InlineData("family support hotline", "Family Support Hotline")]
    public void A_name_comes_first(string text, string expected) =>
        Assert.Equal(expected, Search(text).Hits is [var first, ..] ? first.Listing.Service.Name : null);

    [Fact]
    public void Free_food_near_a_zip_lists_free_food_nearest_first()
    {
        var results = Search("comida gratis 60629", "es");
        Assert.Equal("60629", results.Place?.Key);
        Assert.True(results.Free);
        Assert.Contains("food", results.Categories);
        Assert.NotEmpty(results.Hits);
        Assert.All(results.Hits, hit => Assert.True(In(hit, "food"), $"{hit.Listing.Service.Name} is not food")); // "gratis" adds nothing else
        var distances = results.Hits.Select(h => h.DistanceKm ?? double.MaxValue).ToList();
        var steps = distances.Select(Math.Floor).ToList();
        Assert.Equal(steps.Order().ToList(), steps); // nearest first, kilometre by kilometre
        Assert.All(distances, d => Assert.InRange(d, 0, SearchQuery.DefaultRadiusKm));
    }

    [Fact]
    public void The_free_filter_keeps_only_listings_known_to_be_free_while_the_word_only_ranks_them_first()
    {
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var filtered = index.Search(new SearchQuery { Text = "clinic", Free = true });
        Assert.NotEmpty(filtered.Hits);
        Assert.All(filtered.Hits, hit => Assert.Equal(CostKind.Free, hit.Listing.Service.Cost));
        var worded = index.Search(new SearchQuery { Text = "clinic free" });
        var plain = index.Search(new SearchQuery { Text = "clinic" });
        Assert.Equal(plain.Total, worded.Total); // the word neither adds nor hides listings
        Assert.Equal(CostKind.Free, worded.Hits[0].Listing.Service.Cost);
        Assert.Equal(index.Search(new SearchQuery { Text = "" }).Total, index.Search(new SearchQuery { Text = "gratis" }).Total);
    }

    [Theory]
    [InlineData("abogado pilsen", "lower-west-side")]
    [InlineData("la villita", "south-lawndale")]
    [InlineData("LITTLE VILLAGE clinica", "south-lawndale")]
    [InlineData("food in Englewood", "englewood")]
    public void A_neighbourhood_by_any_of_its_names_is_the_place(string text, string slug) =>
        Assert.Equal(slug, Search(text).Place?.Key);

    // Names residents use, in their own scripts, whatever language the page is in (data/places/other_names.csv,
    // neighborhoods.csv). Areas: 2 West Ridge, 7 Lincoln Park, 8 Near North Side, 14 Albany Park, 21 Avondale,
    // 24 West Town, 26/27 West/East Garfield Park, 34 Armour Square.
    [Theory]
    [InlineData("唐人街", "en", "34")]
    [InlineData("华埠", "en", "34")]
    [InlineData("華埠", "es", "34")]
    [InlineData("食物唐人街", "en", "34")]
    [InlineData("唐人街 律师", "en", "34")]
    [InlineData("Chinatown", "es", "34")]
    [InlineData("Jackowo", "en", "21")]
    [InlineData("żywność Jackowo", "es", "21")]
    [InlineData("Wicker Park", "en", "24")]
    [InlineData("ukrainian village clinic", "es", "24")]
    [InlineData("ألباني بارك", "en", "14")]
    [InlineData("طعام ويست ريدج", "en", "2")]
    [InlineData("食物 唐人街", "zh", "34")]
    [InlineData("华埠律师", "zh", "34")]
    [InlineData("żywność Jackowo", "pl", "21")]
    [InlineData("pomoc prawna Pilsen", "pl", "31")]
    [InlineData("طعام ألباني بارك", "ar", "14")]
    [InlineData("محامي ويست ريدج", "ar", "2")]
    [InlineData("comida La Villita", "es", "30")]
    [InlineData("Garfield Park", "en", "26,27")]
    [InlineData("old town food", "en", "7,8")]
    public void A_place_named_in_any_script_means_its_community_areas(string text, string language, string areas) =>
        Assert.Equal(areas, string.Join(',', Search(text, language).Place?.CommunityAreas ?? []));

    [Theory]
    [InlineData("食物 唐人街")]
    [InlineData("食物唐人街")]
    [InlineData("food Chinatown")]
    public void Food_in_Chinatown_lists_food_in_or_near_chinatown_first_not_the_whole_city(string text)
    {
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var results = Search(text);
        var citywide = index.Search(new SearchQuery { Category = "food" }).Total;
        Assert.Equal([34], results.Place?.CommunityAreas ?? []);
        Assert.NotEmpty(results.Hits);
        Assert.True(results.Total < citywide, $"\"{text}\" listed {results.Total} of the city's {citywide} food listings");
        Assert.All(results.Hits, hit => Assert.True(In(hit, "food"), $"{hit.Listing.Service.Name} is not food"));
        Assert.InRange(results.Hits[0].DistanceKm ?? double.MaxValue, 0, 2);
    }

    [Theory]
    [InlineData("唐人街", "armour-square")]
    [InlineData("Pilsen", "lower-west-side")]
    [InlineData("Jackowo", "avondale")]
    public void A_neighbourhood_named_alone_lists_everything_there_not_only_listings_that_mention_it(string text, string slug)
    {
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var byParameter = index.Search(new SearchQuery { Place = index.PlaceNames.Area(slug) });
        Assert.True(byParameter.Total > 0);
        Assert.Equal(byParameter.Total, Search(text).Total);
    }

    [Fact]
    public void A_neighbourhood_that_spans_two_areas_finds_every_listing_in_both()
    {
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var found = index.Search(new SearchQuery { Text = "Garfield Park", AllPages = true }).Hits.Select(h => h.Listing.Id).ToHashSet();
        var inEither = index.Search(new SearchQuery { InArea = 26, AllPages = true }).Hits
            .Concat(index.Search(new SearchQuery { InArea = 27, AllPages = true }).Hits)
            .Where(h => h.Listing.Location?.CommunityAreaNumber is 26 or 27).Select(h => h.Listing.Id).ToList();
        Assert.NotEmpty(inEither);
        Assert.All(inEither, id => Assert.Contains(id, found));
    }

    [Fact]
    public void Little_words_and_lone_chinese_characters_do_not_match_everything()
    {
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var all = index.Search(new SearchQuery()).Total;
        Assert.True(Search("food in Englewood").Total < all / 2);
        Assert.True(Search("abogado de la familia").Total < all / 2);
        Assert.True(Search("师").Total < all / 2);
    }

    [Fact]
    public void A_very_long_query_is_answered_not_refused_by_lucene()
    {
        var chinese = string.Concat(Enumerable.Range(0x4E00, 190).Select(c => (char)c));
        Assert.Null(Record.Exception(() => Search(chinese)));
        Assert.Null(Record.Exception(() => Search(string.Join(' ', Enumerable.Range(0, 190).Select(i => $"word{i}")))));
    }

    [Fact]
    public void A_statewide_hotline_counts_as_near_any_place()
    {
        var results = Search("hotline 60623");
        var hotline = Assert.Single(results.Hits, h => h.Listing.Service.Name == "Family Support Hotline");
        Assert.Equal(0, hotline.DistanceKm);
    }

    [Fact]
    public void Counts_per_category_cover_the_search_without_its_category_filter()
    {
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var all = index.Search(new SearchQuery { Text = "free" });
        var legal = index.Search(new SearchQuery { Text = "free", Category = "legal" });
        Assert.Equal(all.CategoryCounts, legal.CategoryCounts);
        Assert.Equal(all.CategoryCounts.Single(c => c.Category == "legal").Count, legal.Total);
        Assert.All(legal.Hits, h => Assert.True(In(h, "legal")));
    }
}
