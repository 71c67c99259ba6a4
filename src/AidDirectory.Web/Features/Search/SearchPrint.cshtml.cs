using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// A results page as plain paper: the same parameters as the search, every result (up to a limit) with
/// address, phones and hours written out, nothing that needs a screen.
/// </summary>
public sealed class SearchPrintModel(PublishedListingIndex index, SearchCards cards, ResidentFormat format, IStringLocalizer<UiText> text) : PageModel
{
    public const int Limit = 200;

    public SearchQuery Query { get; private set; } = new();
    public IReadOnlyList<PrintedListing> Listings { get; private set; } = [];
    public int Total { get; private set; }
    public string? PlaceName { get; private set; }
    public ResidentProblem? Problem { get; private set; }

    public IActionResult OnGet(string lang)
    {
        var problems = new List<SearchRequest.Problem>();
        Query = SearchRequest.Parse(Request.Query, lang, index, problems) with { AllPages = true };
        if (problems.Count > 0)
        {
            Problem = new ResidentProblem(StatusCodes.Status400BadRequest, text["Problem_BadRequest"], string.Join(" ", problems.Select(p => text[p.Reason, p.Arguments].Value)));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var results = index.Search(Query);
        (Total, PlaceName) = (results.Total, results.Place?.Name);
        Listings = PrintedListing.From(cards.Of(results.Hits.Take(Limit), lang, 1), format, text["Hours_AllDay"]);
        return Page();
    }
}
