using System.ComponentModel.DataAnnotations;
using AidDirectory.Data;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Portal.Organizations;

/// <summary>Ask to speak for an organization that is already listed; a moderator decides.</summary>
public sealed class JoinModel(DirectoryDbContext db, PortalSubmissions submissions) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty]
    public Guid OrganizationId { get; set; }

    [BindProperty, StringLength(2000, ErrorMessage = "Keep it under 2,000 characters."), Display(Name = "Your role there, so the moderator can check it")]
    public string? Why { get; set; }

    [BindProperty]
    public ContactInput Contact { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Matches { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await FindAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (OrganizationId == Guid.Empty)
        {
            ModelState.AddModelError(nameof(OrganizationId), "Choose the organization.");
        }

        if (!ModelState.IsValid)
        {
            await FindAsync(cancellationToken);
            return Page();
        }

        var sent = await submissions.AskToJoinAsync(StaffUser.Id(User), OrganizationId, Why?.Trim(), Contact.ToContact(), cancellationToken);
        if (sent is PortalSubmissions.Sent.Refused refused)
        {
            ModelState.AddModelError(nameof(OrganizationId), refused.Reason);
            await FindAsync(cancellationToken);
            return Page();
        }

        return Redirect($"/portal/submissions/{((PortalSubmissions.Sent.Saved)sent).SubmissionId}");
    }

    private async Task FindAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Query) || Query.Length > 200)
        {
            return;
        }

        var words = Query.Trim().ToLowerInvariant();
        // Translated to SQL lower(…) LIKE on both providers; the culture rules do not apply in the database.
#pragma warning disable CA1304, CA1311, CA1862
        Matches = (await db.Organizations.AsNoTracking()
            .Where(o => o.Name.ToLower().Contains(words))
#pragma warning restore CA1304, CA1311, CA1862
            .OrderBy(o => o.Name).Take(20).Select(o => new { o.Id, o.Name }).ToListAsync(cancellationToken))
            .Select(o => (o.Id, o.Name)).ToList();
    }
}
