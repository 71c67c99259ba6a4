using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Printing;

/// <summary>The form that makes a flyer: a neighbourhood, a category and the flyer's language, each checked with its own message.</summary>
public sealed class FlyerModel(Flyers flyers, IStringLocalizer<UiText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "area")]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true, Name = "category")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "language")]
    public string? FlyerLanguage { get; set; }

    public Dictionary<string, string> Problems { get; } = [];

    public IEnumerable<(string Slug, string Name)> Areas => flyers.Areas.Select(a => (a.Key, a.Name));

    public IActionResult OnGet()
    {
        if (Area is null && Category is null && FlyerLanguage is null)
        {
            return Page();
        }

        if (Area is null || flyers.Area(Area) is null)
        {
            Problems["area"] = text["Flyer_NeedArea"];
        }

        if (Category is null || !flyers.IsCategory(Category))
        {
            Problems["category"] = text["Flyer_NeedCategory"];
        }

        if (FlyerLanguage is null || !Flyers.Languages.Contains(FlyerLanguage))
        {
            Problems["language"] = text["Flyer_NeedLanguage"];
        }

        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        return Redirect($"/flyers/{FlyerLanguage}/{Uri.EscapeDataString(Area!)}/{Uri.EscapeDataString(Category!)}.pdf");
    }
}
