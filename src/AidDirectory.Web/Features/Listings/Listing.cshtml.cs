using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Listings;

public sealed class ListingModel(ListingDetails details, Reports.ReportFormToken reportTokens) : PageModel
{
    public ListingDetail Listing { get; private set; } = null!;

    /// <summary>The resident just sent a report from this page.</summary>
    [BindProperty(SupportsGet = true, Name = "reported")]
    public bool Reported { get; set; }

    public Reports.ReportFormView ReportForm => new(Listing.Service.Id, reportTokens.For(Listing.Service.Id));

    public IActionResult OnGet(Guid id)
    {
        if (details.Find(id, (string)RouteData.Values["lang"]!) is not { } listing)
        {
            return NotFound();
        }

        Listing = listing;
        return Page();
    }
}
