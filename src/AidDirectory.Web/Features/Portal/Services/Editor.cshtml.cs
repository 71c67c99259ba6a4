using AidDirectory.Core.Moderation;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using AidDirectory.Data.Import;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Portal.Services;

/// <summary>
/// The listing form, in three uses: a new service for an organization (<c>/portal/services/new</c>), changes
/// to a published one (<c>/portal/services/{id}/edit</c>), and a resubmission after a moderator asked for
/// changes (<c>/portal/submissions/{id}/resubmit</c>, the earlier text filled in). Each send is a
/// submission; nothing residents see changes until a moderator approves.
/// </summary>
public sealed class EditorModel(DirectoryDbContext db, PortalSubmissions submissions, ListingPublisher publisher, ServiceFormDraft reader) : PageModel
{
    [BindProperty]
    public ServiceForm Form { get; set; } = new();

    [FromRoute(Name = "id")]
    public Guid? ServiceId { get; set; }

    [FromRoute(Name = "submission")]
    public Guid? SubmissionId { get; set; }

    [FromQuery(Name = "organization")]
    public Guid? OrganizationId { get; set; }

    public string OrganizationName { get; private set; } = "";
    public string? ModeratorMessage { get; private set; }
    public IReadOnlyList<FieldChange> Meanwhile { get; private set; } = [];
    public IReadOnlyList<(string Code, string Name)> CategoryChoices { get; private set; } = [];

    public string Heading => SubmissionId is not null ? "Resubmit with the changes asked for" : ServiceId is not null ? "Propose changes" : "Propose a new service";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var context = await LoadAsync(cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        Form = context.Form;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var context = await LoadAsync(cancellationToken);
        if (context is null)
        {
            return NotFound();
        }

        var codes = await db.TaxonomyTerms.AsNoTracking().Select(t => t.Code).ToListAsync(cancellationToken);
        var draft = reader.Read(Form, nameof(Form), codes.ToHashSet(StringComparer.Ordinal), new ModelLimits(db.Model), ModelState);
        if (draft is null || !ModelState.IsValid)
        {
            return Page();
        }

        var userId = StaffUser.Id(User);
        if (SubmissionId is { } submissionId)
        {
            var decision = await submissions.ResubmitAsync(userId, submissionId, Form.SubmissionVersion ?? -1, draft, cancellationToken);
            return decision switch
            {
                Decision.Done => Redirect($"/portal/submissions/{submissionId}"),
                Decision.Refused refused => Problem(refused.Reason),
                _ => NotFound(),
            };
        }

        var sent = await submissions.ProposeServiceAsync(userId, context.OrganizationId, ServiceId, Form.BaseSnapshot, draft, Form.Contact.ToContact(), cancellationToken);
        switch (sent)
        {
            case PortalSubmissions.Sent.Saved saved:
                return Redirect($"/portal/submissions/{saved.SubmissionId}");
            case PortalSubmissions.Sent.OutOfDate outOfDate:
                // The editor now sees what changed; the form keeps their text and is based on the current listing.
                Meanwhile = outOfDate.Meanwhile;
                Form.BaseSnapshot = outOfDate.CurrentSnapshot;
                ModelState.Remove($"{nameof(Form)}.{nameof(Form.BaseSnapshot)}");
                Response.StatusCode = StatusCodes.Status409Conflict;
                return Page();
            case PortalSubmissions.Sent.Refused refused:
                return Problem(refused.Reason);
            default:
                throw new InvalidOperationException("Unknown result.");
        }
    }

    private PageResult Problem(string reason)
    {
        ModelState.AddModelError("", reason);
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private sealed record Context(Guid OrganizationId, ServiceForm Form);

    // Who may use the form for what, and what it starts with; null when the page is not theirs.
    private async Task<Context?> LoadAsync(CancellationToken cancellationToken)
    {
        var userId = StaffUser.Id(User);
        CategoryChoices = (await db.TaxonomyTerms.AsNoTracking().Where(t => t.Taxonomy == TaxonomyTerm.OurTaxonomy && t.ParentCode == null)
            .OrderBy(t => t.SortOrder).ToListAsync(cancellationToken)).Select(t => (t.Code, t.NameIn("en"))).ToList();
        Context? context = null;
        if (SubmissionId is { } submissionId)
        {
            var submission = await submissions.VisibleTo(userId).AsNoTracking().FirstOrDefaultAsync(s => s.Id == submissionId, cancellationToken);
            if (submission is not { Kind: SubmissionKind.NewService or SubmissionKind.ServiceEdit })
            {
                return null;
            }

            ModeratorMessage = submission.ModeratorMessage;
            var form = ServiceFormFill.Fill(Snapshots.Read<ServiceDraft>(submission.Snapshot), submission.BaseSnapshot);
            form.SubmissionVersion = submission.Version;
            context = new Context(submission.OrganizationId, form);
        }
        else if (ServiceId is { } serviceId)
        {
            var service = await publisher.LoadAsync(serviceId, cancellationToken);
            if (service is null)
            {
                return null;
            }

            var published = ServiceDraft.Of(service);
            context = new Context(service.OrganizationId, ServiceFormFill.Fill(published, Snapshots.Write(published)));
        }
        else if (OrganizationId is { } organizationId)
        {
            context = new Context(organizationId, ServiceFormFill.Fill(null));
        }

        if (context is null || !await submissions.IsMemberAsync(userId, context.OrganizationId, cancellationToken))
        {
            return null;
        }

        OrganizationName = await db.Organizations.AsNoTracking().Where(o => o.Id == context.OrganizationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return context;
    }
}
