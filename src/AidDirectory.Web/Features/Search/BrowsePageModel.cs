using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Search;

/// <summary>What the category, neighbourhood and search pages share: a page of listings and the 400 for a bad page number.</summary>
public abstract class BrowsePageModel(IStringLocalizer<UiText> text) : PageModel
{
    protected IStringLocalizer<UiText> Text => text;

    public ListingPage? Listings { get; protected set; }
    public ResidentProblem? Problem { get; private set; }

    protected string Language => (string)RouteData.Values["lang"]!;

    protected bool TryReadPage(string? raw, out int page)
    {
        if (PageNumber.TryRead(raw, out page))
        {
            return true;
        }

        Refuse(StatusCodes.Status400BadRequest, text["Problem_BadRequest"], text["Problem_Page", PageNumber.Max]);
        return false;
    }

    protected IActionResult PageOrPastTheEnd()
    {
        if (Listings is { Total: > 0 } listings && listings.Page > listings.PageCount)
        {
            Refuse(StatusCodes.Status400BadRequest, text["Problem_BadRequest"], text["Problem_PastTheEnd", listings.PageCount]);
        }

        return Page();
    }

    protected IActionResult Refuse(int status, string title, string detail)
    {
        Problem = new ResidentProblem(status, title, detail);
        Response.StatusCode = status;
        return Page();
    }
}
