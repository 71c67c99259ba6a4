using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Browse;

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
    public string With(string name, string? value)
    {
        var builder = new QueryBuilder();
        foreach (var (key, values) in Request.Query.Where(p => p.Key != name && p.Key != "page"))
        {
            foreach (var v in values.OfType<string>())
            {
                builder.Add(key, v);
            }
        }

        if (value is not null)
        {
            builder.Add(name, value);
        }

        return builder.ToQueryString().Value ?? "";
    }

    public string CategoryName(string code) => AllCategories.FirstOrDefault(c => c.Code == code).Name ?? code;
}
