using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Map;
using AidDirectory.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Admin.Submissions;

/// <summary>One queue item: what it changes against what residents see now, who sent it and how to reach them, and the decision.</summary>
public sealed class ReviewModel(DirectoryDbContext db, SubmissionChanges changes, ModerationDecisions decisions, ReportDecisions reports) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public Submission Submission { get; private set; } = null!;
    public DirectoryUser? Submitter { get; private set; }
    public string? OrganizationName { get; private set; }
    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];
    public string? Problem { get; private set; }

    /// <summary>For a report: the other pending reports about the same listing (those saying the same thing are settled together).</summary>
    public IReadOnlyList<Submission> OtherReports { get; private set; } = [];

    [BindProperty]
    public string? Message { get; set; }

    /// <summary>Shown on the queue after the decision (the queue reads the same key).</summary>
    [TempData(Key = "Message")]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken) =>
        await LoadAsync(cancellationToken) ? Page() : NotFound();

    /// <summary>The service areas this submission proposes with a drawn extent, by their index in the draft.</summary>
    public IReadOnlyList<(int Index, string Name)> DrawnAreas =>
        Submission.Kind is SubmissionKind.NewService or SubmissionKind.ServiceEdit && Snapshots.TryRead<ServiceDraft>(Submission.Snapshot) is { } draft
            ? draft.ServiceAreas.Select((a, i) => (i, a)).Where(p => p.a.Extent() is not null).Select(p => (p.i, p.a.Name)).ToList()
            : [];

    /// <summary>A proposed drawn area on the city's map (<c>?handler=AreaMap&amp;area=0</c>), so a moderator sees what "drawn extent" covers.</summary>
    public async Task<IActionResult> OnGetAreaMapAsync(int area, [FromServices] StaticMaps maps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(maps);
        if (!await LoadAsync(cancellationToken) || Snapshots.TryRead<ServiceDraft>(Submission.Snapshot) is not { } draft
            || area < 0 || area >= draft.ServiceAreas.Count || draft.ServiceAreas[area].Extent() is not { } shape)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "no-store";
        return File(maps.OfDrawnArea(shape, draft.ServiceAreas[area].Name, "AidDirectory"), StaticMapApi.MediaType);
    }

    // The decision and version are nullable on purpose: a form posted without them must not mean "approve version 0".
    public async Task<IActionResult> OnPostAsync(SubmissionAction? decision, int? version, CancellationToken cancellationToken)
    {
        if (decision is not { } chosen || !Enum.IsDefined(chosen) || !SubmissionRules.IsDecision(chosen) || version is null)
        {
            return BadRequest("Choose approve, reject or request changes.");
        }

        return await AnswerAsync(await decisions.DecideAsync(Id, version.Value, chosen, StaffUser.Id(User), Message, cancellationToken), cancellationToken);
    }

    /// <summary>Settles a resident's report or a stale listing.</summary>
    public async Task<IActionResult> OnPostSettleAsync(ReportOutcome? outcome, int? version, CancellationToken cancellationToken)
    {
        if (outcome is not { } chosen || !Enum.IsDefined(chosen) || version is null)
        {
            return BadRequest("Choose what to do with the report.");
        }

        return await AnswerAsync(await reports.DecideAsync(Id, version.Value, chosen, StaffUser.Id(User), Message, cancellationToken), cancellationToken);
    }

    private async Task<IActionResult> AnswerAsync(Decision result, CancellationToken cancellationToken)
    {
        switch (result)
        {
            case Decision.NotFound:
                return NotFound();
            case Decision.Done done:
                Notice = $"Done: “{await TitleAsync(cancellationToken)}” is now {done.State}.";
                return Redirect("/admin");
            case Decision.AlreadyDecided already:
                Problem = already.Message;
                break;
            case Decision.Refused refused:
                Problem = refused.Reason;
                break;
        }

        Response.StatusCode = StatusCodes.Status409Conflict;
        return await LoadAsync(cancellationToken) ? Page() : NotFound();
    }

    private Task<string?> TitleAsync(CancellationToken cancellationToken) =>
        db.Submissions.AsNoTracking().Where(s => s.Id == Id).Select(s => s.Title).FirstOrDefaultAsync(cancellationToken);

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var submission = await db.Submissions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, cancellationToken);
        if (submission is null)
        {
            return false;
        }

        Submission = submission;
        Submitter = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == submission.SubmittedById, cancellationToken);
        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == submission.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        Changes = await changes.OfAsync(submission, cancellationToken);
        if (submission.Kind == SubmissionKind.ResidentReport)
        {
            OtherReports = await db.Submissions.AsNoTracking()
                .Where(s => s.Id != submission.Id && s.ServiceId == submission.ServiceId && s.Kind == SubmissionKind.ResidentReport && s.State == SubmissionState.Pending)
                .OrderBy(s => s.SubmittedAt).ToListAsync(cancellationToken);
        }

        return true;
    }
}
