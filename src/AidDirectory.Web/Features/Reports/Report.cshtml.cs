using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Web.Features.Moderation;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Reports;

/// <summary>
/// "Something is wrong with this listing": no account, no cookie (the form carries its own token instead of
/// the antiforgery cookie), nothing that identifies the resident kept. A wrong form comes back with its text and a
/// message; one form files one report (a second post of it gets 409); a flood from one network is refused
/// with 429, and reports over a limit are filed but never count (<see cref="ReportLimiter"/>).
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ReportModel(DirectoryDbContext db, ResidentReports reports, ReportFormToken tokens, ReportLimiter limiter, IStringLocalizer<UiText> text) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    [BindProperty]
    public ReportReason? Reason { get; set; }

    [BindProperty]
    public string? Details { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public string ServiceName { get; private set; } = "";

    public ReportFormView Form => new(Id, Token ?? "", Reason, Details, Problems);
    public Dictionary<string, string> Problems { get; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Token = tokens.For(Id);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (Reason is not { } reason || !Enum.IsDefined(reason))
        {
            Problems[nameof(Reason)] = text["Report_NeedReason"];
        }

        if (Details?.Length > ResidentReport.MaxText)
        {
            Problems[nameof(Details)] = text["Report_TooLong", ResidentReport.MaxText];
        }

        var nonce = tokens.NonceOf(Token, Id);
        if (nonce is null)
        {
            Problems[nameof(Token)] = text["Report_FormExpired"];
        }

        // A fresh token either way, so the resident can send the form again as it is.
        Token = tokens.For(Id);
        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        var allowance = limiter.TryAcquire(HttpContext, Id);
        if (allowance == ReportAllowance.Refused)
        {
            Problems[""] = text["Report_TooMany"];
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }

        var report = new ResidentReport(Reason!.Value, string.IsNullOrWhiteSpace(Details) ? null : Details.Trim());
        var sender = new ReportSender(NetworkPrefix.Of(HttpContext), nonce!.Value, allowance == ReportAllowance.OverLimit);
        switch (await reports.FileAsync(Id, report, sender, cancellationToken))
        {
            case ReportFiling.NoSuchListing:
                return NotFound();
            case ReportFiling.AlreadySent:
                Problems[""] = text["Report_AlreadySent"];
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            default:
                return new RedirectResult($"/{RouteData.Values["lang"]}/service/{Id}?reported=true", permanent: false, preserveMethod: false);
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        ServiceName = await db.Services.AsNoTracking().Where(s => s.Id == Id).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return ServiceName.Length > 0;
    }
}
