using AidDirectory.Core.Taxonomy;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// Lists of listings for the category, neighbourhood and search pages, answered from the search index
/// (never the database), and turned into the lines a resident reads.
/// </summary>
public sealed class ListingSummaries(PublishedListingIndex index, SearchCards cards)
{
    public (ListingPage Page, SearchResults Results) Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var results = index.Search(query);
        return (ToPage(results, query.Language), results);
    }

    public ListingPage InCategory(string code, string language, int page) =>
        Search(new SearchQuery { Category = code, Language = language, Page = page }).Page;

    public ListingPage InArea(int area, string language, int page) =>
        Search(new SearchQuery { InArea = area, Language = language, Page = page }).Page;

    /// <summary>Our categories in the taxonomy's order, each with how many listings it has.</summary>
    public IReadOnlyList<(TaxonomyTerm Category, int Count)> Categories()
    {
        var totals = index.CategoryTotals;
        return index.Vocabulary.Categories.Select(c => (c, totals.GetValueOrDefault(c.Code))).ToList();
    }

    public Place? Area(string slug) => index.PlaceNames.Area(slug);

    public IEnumerable<Place> Areas() => index.PlaceNames.Places.Where(p => p.Kind == Place.Area);

    public TaxonomyTerm? Category(string code) => index.Vocabulary.Categories.FirstOrDefault(c => c.Code == code);

    private ListingPage ToPage(SearchResults results, string language) =>
        new(cards.Of(results, language), results.Page, results.PageCount, results.Total);
}
