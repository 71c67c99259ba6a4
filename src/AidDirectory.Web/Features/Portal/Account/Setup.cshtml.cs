using System.ComponentModel.DataAnnotations;
using AidDirectory.Core.Audit;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>
/// The one-time link printed by <c>users create-admin</c>, given by an administrator's invitation or mailed after
/// registering: the person chooses a password here, then is offered two-factor sign-in. The link works once and expires; no default password exists.
/// </summary>
public sealed class SetupModel(UserManager<DirectoryUser> users, SignInManager<DirectoryUser> signIn, DirectoryDbContext db, TimeProvider time) : PageModel
{
    public const string Unusable = "This setup link is not valid: it was already used, it expired, or it was copied incompletely. Ask an administrator for a new one (the first administrator: run `users create-admin` again).";

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty, Required(ErrorMessage = "Choose a password."), DataType(DataType.Password), Display(Name = "Password (at least 12 characters)")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Type the password again."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";

    public bool Usable { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Usable = await FindAsync() is not null;
        return Usable ? Page() : NotUsable();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await FindAsync();
        if (user is null)
        {
            return NotUsable();
        }

        Usable = true;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The password, the spent link and the audit entry are saved together or not at all.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var added = await users.AddPasswordAsync(user, Password);
        if (!added.Succeeded)
        {
            foreach (var error in added.Errors)
            {
                ModelState.AddModelError(nameof(Password), error.Description);
            }

            return Page();
        }

        user.SetupTokenHash = null;
        user.SetupTokenExpiresAt = null;
        await users.UpdateAsync(user);
        db.AuditEntries.Add(new AuditEntry { At = time.GetCurrentInstant(), ActorId = user.Id, Action = AuditActions.UserSetupCompleted, SubjectKind = "User", SubjectId = user.Id.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/portal/account/two-factor");
    }

    private PageResult NotUsable()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    private async Task<DirectoryUser?> FindAsync()
    {
        if (string.IsNullOrWhiteSpace(Token) || Token.Length > 200)
        {
            return null;
        }

        var hash = SetupLinks.Hash(Token);
        var user = await db.Users.FirstOrDefaultAsync(u => u.SetupTokenHash == hash);
        return user is { SetupTokenExpiresAt: { } expires } && expires > time.GetCurrentInstant() ? user : null;
    }
}
