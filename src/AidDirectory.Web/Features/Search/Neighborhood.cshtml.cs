using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

public sealed class NeighborhoodModel(ListingSummaries summaries, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public string? AreaName { get; private set; }
    /// <summary>The names residents use, beside the official one in the heading ("La Villita / Little Village").</summary>
    public string? PopularName { get; private set; }
    /// <summary>Every other name the reader can read: their script's first, then Latin script's.</summary>
    public IReadOnlyList<string> AlternativeNames { get; private set; } = [];

    public IActionResult OnGet(string slug, [FromQuery(Name = "page")] string? page)
    {
        if (summaries.Area(slug) is not { CommunityArea: { } number } area)
        {
            return NotFound();
        }

        (AreaName, PopularName, AlternativeNames) = (area.Name, NeighborhoodNames.Popular(area, Language), NeighborhoodNames.For(area, Language));
        if (!TryReadPage(page, out var pageNumber))
        {
            return Page();
        }

        Listings = summaries.InArea(number, Language, pageNumber);
        return PageOrPastTheEnd();
    }
}
