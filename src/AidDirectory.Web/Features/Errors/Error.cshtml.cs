using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Errors;

/// <summary>
/// The page for every error outside /api, in the language of the page that failed (or the browser's:
/// see <see cref="Hosting.ErrorPageCultureProvider"/>),
/// with a way back. It never shows a stack trace or another person's data.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<UiText> text) : PageModel
{
    public ResidentProblem Problem { get; private set; } = null!;

    public IActionResult OnGet([FromQuery(Name = "status")] int? status) => Show(status);

    public IActionResult OnPost([FromQuery(Name = "status")] int? status) => Show(status);

    private PageResult Show(int? status)
    {
        var code = status is >= 400 and < 600 ? status.Value : StatusCodes.Status500InternalServerError;
        Problem = code switch
        {
            404 => new ResidentProblem(404, text["Problem_NotFound"], text["Problem_NotFoundDetail"]),
            >= 500 => new ResidentProblem(code, text["Problem_ServerError"], text["Problem_ServerErrorDetail"]),
            _ => new ResidentProblem(code, text["Problem_BadRequest"], text["Problem_BadRequestDetail"]),
        };
        Response.StatusCode = code;
        return Page();
    }
}
