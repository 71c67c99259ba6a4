using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Portal.Submissions;

/// <summary>One submission as its organization sees it: state, the moderator's words, what it changes; withdraw while pending.</summary>
public sealed class DetailModel(PortalSubmissions submissions, SubmissionChanges changes) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Submission Submission { get; private set; } = null!;
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostWithdrawAsync(int version, CancellationToken cancellationToken)
    {
        var decision = await submissions.WithdrawAsync(StaffUser.Id(User), Id, version, cancellationToken);
        if (decision is Decision.NotFound)
        {
            return NotFound();
        }

        if (decision is Decision.Refused refused)
        {
            Problem = refused.Reason;
            Response.StatusCode = StatusCodes.Status409Conflict;
        }

        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var submission = await submissions.VisibleTo(StaffUser.Id(User)).AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (submission is null)
        {
            return false;
        }

        Submission = submission;
        Changes = await changes.OfAsync(submission, cancellationToken);
        return true;
    }
}
