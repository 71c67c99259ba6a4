using System.ComponentModel.DataAnnotations;
using AidDirectory.Core.Accounts;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Mail;
using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>
/// An organization's editor asks for an account. The page answers the same whether or not the address already
/// has one (issue 13, finding 4): the difference goes only to the address's owner, by email. A new address gets a
/// one-time link to choose a password; a taken one gets a note that someone tried, and how to sign in. Without
/// mail the site cannot reach the owner, so it takes no registrations: an administrator invites editors instead.
/// </summary>
public sealed class RegisterModel(UserManager<DirectoryUser> users, DirectoryDbContext db, IOptions<MailOptions> mail, TimeProvider time) : PageModel
{
    public const string ByInvitation = "Accounts on this directory are by invitation. Ask the directory's administrators to invite you: they give you a one-time link to choose your password.";
    public const string Sent = "Thank you. We sent a message to that address: follow it within two days to finish. If nothing arrives, check the address and your spam folder, or ask the directory's administrators.";

    [BindProperty, Required(ErrorMessage = "Enter your name."), StringLength(200, ErrorMessage = "Keep your name under 200 characters."), Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.org."), StringLength(254), Display(Name = "Email")]
    public string Email { get; set; } = "";

    /// <summary>False when mail is not configured: the page explains invitations and has no form.</summary>
    public bool Open => mail.Value.Enabled;

    [BindProperty(SupportsGet = true, Name = "sent")]
    public bool WasSent { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Open || !ModelState.IsValid)
        {
            return Page();
        }

        var now = time.GetCurrentInstant();
        var email = Email.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var (user, token) = await SetupLinks.InviteEditorAsync(users, db, email, DisplayName.Trim(), invitedBy: null, now, cancellationToken);
        if (user is { ErasedAt: null })
        {
            // The link is a secret kept in the outbox until sent; it works once, for two days, and only its hash opens it.
            db.Notifications.Add(token is not null
                ? new Notification
                {
                    Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now,
                    Subject = "Finish setting up your account",
                    Body = $"Someone, we hope you, asked for an account on this directory with this address. To finish, choose your password here within two days:\n\n{Site()}portal/account/setup?token={token}\n\nIf it was not you, ignore this message: without the link nothing happens.",
                }
                : new Notification
                {
                    Id = Guid.NewGuid(), UserId = user.Id, CreatedAt = now,
                    Subject = "Someone tried to register with your address",
                    Body = $"Someone asked for a new account on this directory with this address, which already has one. Nothing changed.\n\nTo sign in, use {Site()}portal/account/login with your password. If you forgot it, ask the directory's administrators for help.\n\nIf it was not you, you need not do anything.",
                });
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("Register", new { sent = true });
    }

    private Uri Site() => SiteRoot.Of(Request);
}
