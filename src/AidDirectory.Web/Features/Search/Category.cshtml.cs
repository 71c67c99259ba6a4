using AidDirectory.Core.Taxonomy;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

public sealed class CategoryModel(ListingSummaries summaries, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public TaxonomyTerm? Category { get; private set; }

    public IActionResult OnGet(string slug, [FromQuery(Name = "page")] string? page)
    {
        Category = summaries.Category(slug);
        if (Category is null)
        {
            return NotFound();
        }

        if (!TryReadPage(page, out var number))
        {
            return Page();
        }

        Listings = summaries.InCategory(Category.Code, Language, number);
        return PageOrPastTheEnd();
    }
}
