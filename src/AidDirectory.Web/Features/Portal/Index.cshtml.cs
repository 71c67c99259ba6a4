using AidDirectory.Core.Deployment;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Moderation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Portal;

/// <summary>
/// An editor's dashboard: their organizations with each listing's freshness (stale ones ask to be
/// confirmed), and every submission they can see with its state and the moderator's words.
/// </summary>
public sealed class IndexModel(DirectoryDbContext db, PortalSubmissions submissions, TimeProvider time, IOptions<DeploymentOptions> deployment) : PageModel
{
    public sealed record OrganizationRow(Guid Id, string Name, IReadOnlyList<ServiceRow> Services);

    public sealed record ServiceRow(Guid Id, string Name, Freshness Freshness, ServiceStatus Status);

    public IReadOnlyList<OrganizationRow> Organizations { get; private set; } = [];
    public IReadOnlyList<Submission> Submissions { get; private set; } = [];
    public IReadOnlyList<Core.Accounts.Notification> Notifications { get; private set; } = [];

    [TempData]
    public string? Message { get; set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = StaffUser.Id(User);
        var now = time.GetCurrentInstant();
        var theirs = Membership.OrganizationsOf(db, userId);
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => theirs.Contains(o.Id))
            .OrderBy(o => o.Name)
            .Select(o => new { o.Id, o.Name, Services = o.Services.OrderBy(s => s.Name).Select(s => new { s.Id, s.Name, s.LastVerifiedAt, s.Status }).ToList() })
            .ToListAsync(cancellationToken);
        Organizations = organizations
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Services.Select(s => new ServiceRow(s.Id, s.Name, Freshness.Of(s.LastVerifiedAt, now, deployment.Value.StaleAfterDays), s.Status)).ToList()))
            .ToList();
        Notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId)
            .OrderByDescending(n => n.CreatedAt).Take(20).ToListAsync(cancellationToken);
        Submissions = await submissions.VisibleTo(userId).AsNoTracking()
            .OrderByDescending(s => s.UpdatedAt).Take(200).ToListAsync(cancellationToken);
    }

    /// <summary>"Still accurate": confirms a listing without a submission; audited.</summary>
    public async Task<IActionResult> OnPostConfirmAsync(Guid serviceId, CancellationToken cancellationToken)
    {
        var confirmed = await submissions.ConfirmAsync(StaffUser.Id(User), serviceId, cancellationToken);
        if (!confirmed)
        {
            return NotFound();
        }

        Message = "Thank you: the listing now shows that you confirmed it today.";
        return RedirectToPage();
    }
}
