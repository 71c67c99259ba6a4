using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Listings;

public sealed class ListingModel(ListingDetails details) : PageModel
{
    public ListingDetail Listing { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await details.FindAsync(id, (string)RouteData.Values["lang"]!, cancellationToken) is not { } listing)
        {
            return NotFound();
        }

        Listing = listing;
        return Page();
    }
}
