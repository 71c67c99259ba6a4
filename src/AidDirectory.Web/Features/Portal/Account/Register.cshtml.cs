using System.ComponentModel.DataAnnotations;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>An organization's editor creates an account. It can propose, never publish.</summary>
public sealed class RegisterModel(UserManager<DirectoryUser> users, SignInManager<DirectoryUser> signIn, DirectoryDbContext db, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter your name."), StringLength(200, ErrorMessage = "Keep your name under 200 characters."), Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.org."), StringLength(254), Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Choose a password."), DataType(DataType.Password), Display(Name = "Password (at least 12 characters)")]
    public string Password { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Type the password again."), DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ."), Display(Name = "Password again")]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = new DirectoryUser { UserName = Email, Email = Email, DisplayName = DisplayName.Trim(), CreatedAt = time.GetCurrentInstant() };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var created = await users.CreateAsync(user, Password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? nameof(Password) : nameof(Email), error.Description);
            }

            return Page();
        }

        await users.AddToRoleAsync(user, Roles.OrganizationEditor);
        db.AuditEntries.Add(new AuditEntry { At = user.CreatedAt, ActorId = user.Id, Action = AuditActions.UserCreated, SubjectKind = "User", SubjectId = user.Id.ToString(), After = Roles.OrganizationEditor });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await signIn.SignInAsync(user, isPersistent: false);
        return Redirect("/portal");
    }
}
