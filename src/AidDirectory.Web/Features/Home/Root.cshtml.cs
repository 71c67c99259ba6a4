using AidDirectory.Web.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Home;

/// <summary>
/// <c>/</c> sends the reader to the home page in the language their browser asks for. No cookie remembers
/// the choice: the language lives in the URL, and every page has a visible switch.
/// </summary>
public sealed class RootModel : PageModel
{
    public IActionResult OnGet()
    {
        LanguageHeaders.VaryByLanguage(Response);
        return Redirect($"/{Languages.Preferred(Request)}/");
    }
}
