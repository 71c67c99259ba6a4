using AidDirectory.Data;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Browse;

public sealed class NeighborhoodModel(DirectoryDbContext db, ListingSummaries summaries, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public string? AreaName { get; private set; }
    public IReadOnlyList<string> AlternativeNames { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        var area = await db.CommunityAreas.AsNoTracking().Where(a => a.Slug == slug)
            .Select(a => new { a.Number, a.Name, a.AlternativeNames }).FirstOrDefaultAsync(cancellationToken);
        if (area is null)
        {
            return NotFound();
        }

        (AreaName, AlternativeNames) = (area.Name, area.AlternativeNames);
        if (!TryReadPage(page, out var number))
        {
            return Page();
        }

        Listings = summaries.InArea(area.Number, Language, number);
        return PageOrPastTheEnd();
    }
}
