using System.ComponentModel.DataAnnotations;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Accounts;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Admin.Users;

/// <summary>
/// Everyone with an account, their roles and whether they use two-factor sign-in; and inviting an organization's
/// editor with a one-time link (administrators only). The link is shown once, to the administrator, who passes
/// it on; registering on the site needs mail, and this works without it.
/// </summary>
public sealed class IndexModel(UserManager<DirectoryUser> userManager, DirectoryDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(DirectoryUser User, IReadOnlyList<string> Roles, bool Locked);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Users { get; private set; } = [];

    [BindProperty, Required(ErrorMessage = "Enter the address to invite."), EmailAddress(ErrorMessage = "Enter an email address like name@example.org."), StringLength(254), Display(Name = "Email")]
    public string InviteEmail { get; set; } = "";

    [BindProperty, StringLength(200, ErrorMessage = "Keep the name under 200 characters."), Display(Name = "Name (optional)")]
    public string? InviteName { get; set; }

    /// <summary>The setup link just made, shown once.</summary>
    public string? InvitationLink { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var email = InviteEmail.Trim();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var (_, token) = await SetupLinks.InviteEditorAsync(userManager, db, email, string.IsNullOrWhiteSpace(InviteName) ? null : InviteName.Trim(), StaffUser.Id(User), time.GetCurrentInstant(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            if (token is null)
            {
                // Administrators may know who has an account; this page is theirs alone.
                Problem = $"{email} already has an account. Find it below to grant roles.";
                Response.StatusCode = StatusCodes.Status409Conflict;
            }
            else
            {
                // Shown in this answer only (never put in TempData or a redirect), like recovery codes.
                InvitationLink = $"{SiteRoot.Of(Request)}portal/account/setup?token={token}";
            }
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var normalized = Query.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(normalized));
        }

        var page = await users.OrderBy(u => u.NormalizedEmail).Take(200).ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Users = page.Select(u => new Row(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(), u.LockoutEnd > now)).ToList();
    }
}
