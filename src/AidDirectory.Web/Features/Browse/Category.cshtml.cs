using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Browse;

public sealed class CategoryModel(DirectoryDbContext db, ListingSummaries summaries, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public TaxonomyTerm? Category { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Category = await db.TaxonomyTerms.AsNoTracking()
            .FirstOrDefaultAsync(t => t.Code == slug && t.Taxonomy == TaxonomyTerm.OurTaxonomy, cancellationToken);
        if (Category is null)
        {
            return NotFound();
        }

        if (!TryReadPage(page, out var number))
        {
            return Page();
        }

        Listings = await summaries.InCategoryAsync(Category.Code, Language, number, cancellationToken);
        return PageOrPastTheEnd();
    }
}
