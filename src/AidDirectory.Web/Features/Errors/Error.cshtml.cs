using AidDirectory.Web.Features.Shared;
using AidDirectory.Web.Hosting;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Errors;

/// <summary>
/// The page for every error outside /api, in the language of the page that failed (or the browser's:
/// see <see cref="Hosting.ErrorPageCultureProvider"/>),
/// with a way back. It never shows a stack trace or another person's data.
/// </summary>
/// <remarks>
/// The pipeline re-executes this page with the method of the request that failed, PATCH or DELETE included,
/// so it has no OnGet/OnPost: it answers in <see cref="OnPageHandlerExecuting"/>, which runs for every method.
/// It binds nothing, because the request's query or form may be the very thing that could not be read; the
/// status comes from the pipeline's own record of the failure. Asked for directly, it is not a page: 404.
/// </remarks>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<UiText> text) : PageModel
{
    public ResidentProblem Problem { get; private set; } = null!;

    public override void OnPageHandlerExecuting(PageHandlerExecutingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Result = Show();
    }

    private IActionResult Show()
    {
        int code;
        if (HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
        {
            code = reExecuted.OriginalStatusCode;
        }
        else if (HttpContext.Features.Get<IExceptionHandlerFeature>() is not null)
        {
            code = Response.StatusCode is >= 500 and < 600 ? Response.StatusCode : StatusCodes.Status500InternalServerError;
        }
        else
        {
            return NotFound(); // the status-code page re-executes this page, now as the 404 page
        }

        Problem = code switch
        {
            404 => new ResidentProblem(404, text["Problem_NotFound"], text["Problem_NotFoundDetail"]),
            405 => new ResidentProblem(405, text["Problem_Method"], text["Problem_MethodDetail"]),
            400 when HttpContext.Features.Get<RefusedRequest>() is not null => new ResidentProblem(400, text["Problem_Unreadable"], text["Problem_UnreadableDetail"]),
            503 => new ResidentProblem(503, text["Problem_Busy"], text["Problem_BusyDetail"]),
            >= 500 => new ResidentProblem(code, text["Problem_ServerError"], text["Problem_ServerErrorDetail"]),
            _ => new ResidentProblem(code, text["Problem_BadRequest"], text["Problem_BadRequestDetail"]),
        };
        Response.StatusCode = code;
        return Page();
    }
}
