using AidDirectory.Core.Taxonomy;
using AidDirectory.Web.Features.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Home;

/// <summary>Categories with their counts and every neighbourhood, from the search index: no database read.</summary>
public sealed class IndexModel(ListingSummaries summaries) : PageModel
{
    public IReadOnlyList<(TaxonomyTerm Category, int Count)> Categories { get; private set; } = [];
    /// <summary>Each community area by its official name, with the names residents use beside it ("La Villita / Little Village").</summary>
    public IReadOnlyList<(string Slug, string Name, string? Popular)> Neighborhoods { get; private set; } = [];

    public void OnGet(string lang)
    {
        Categories = summaries.Categories();
        Neighborhoods = summaries.Areas().Select(a => (a.Key, a.Name, NeighborhoodNames.Popular(a, lang))).OrderBy(a => a.Name, StringComparer.Ordinal).ToList();
    }
}
