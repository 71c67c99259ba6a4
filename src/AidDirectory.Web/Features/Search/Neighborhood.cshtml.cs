using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

public sealed class NeighborhoodModel(ListingSummaries summaries, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public string? AreaName { get; private set; }
    public IReadOnlyList<string> AlternativeNames { get; private set; } = [];

    public IActionResult OnGet(string slug, [FromQuery(Name = "page")] string? page)
    {
        if (summaries.Area(slug) is not { CommunityArea: { } number } area)
        {
            return NotFound();
        }

        (AreaName, AlternativeNames) = (area.Name, area.Names);
        if (!TryReadPage(page, out var pageNumber))
        {
            return Page();
        }

        Listings = summaries.InArea(number, Language, pageNumber);
        return PageOrPastTheEnd();
    }
}
