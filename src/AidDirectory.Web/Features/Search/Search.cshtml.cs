using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

/// <summary>The results page: the words a resident typed, a place, filters, counts per category. Answered from the index.</summary>
public sealed class SearchModel(ListingSummaries summaries, PublishedListingIndex index, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public SearchQuery Query { get; private set; } = new();
    public SearchResults? Results { get; private set; }

    public IReadOnlyList<(string Code, string Name)> AllCategories =>
        index.Vocabulary.Categories.Select(c => (c.Code, c.NameIn(Language))).ToList();

    public IActionResult OnGet()
    {
        var problems = new List<SearchRequest.Problem>();
        Query = SearchRequest.Parse(Request.Query, Language, index, problems);
        if (problems.Count > 0)
        {
            return Refuse(StatusCodes.Status400BadRequest, Text["Problem_BadRequest"],
                string.Join(" ", problems.Select(p => Text[p.Reason, p.Arguments].Value)));
        }

        if (Request.Query.Count == 0)
        {
            return Page();
        }

        (Listings, Results) = summaries.Search(Query);
        return PageOrPastTheEnd();
    }

    /// <summary>This search's query string with one parameter set (or removed) and the page reset.</summary>
    public string With(string name, string? value) => Rebuilt(key => key != name && key != "page", value is null ? null : (name, value));

    /// <summary>This search's query string without its place or page: the map's "search this area" adds a box.</summary>
    public string WithoutPlace() => Rebuilt(key => key is not ("zip" or "area" or "near" or "radius" or "bbox" or "page"), null);

    private string Rebuilt(Func<string, bool> keep, (string Name, string Value)? added)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in Request.Query.Where(p => keep(p.Key)))
        {
            foreach (var v in values.OfType<string>())
            {
                builder.Add(key, v);
            }
        }

        if (added is var (name, value))
        {
            builder.Add(name, value);
        }

        return builder.ToQueryString().Value ?? "";
    }

    public string CategoryName(string code) => AllCategories.FirstOrDefault(c => c.Code == code).Name ?? code;
}
