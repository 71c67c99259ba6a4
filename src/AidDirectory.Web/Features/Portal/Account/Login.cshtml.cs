using System.ComponentModel.DataAnnotations;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>
/// Sign-in with email and password, then the second factor when the account has one. Every failure reads
/// the same, and an unknown address costs the same hashing work as a known one, so the page tells no one
/// whether an account exists.
/// </summary>
public sealed class LoginModel(SignInManager<DirectoryUser> signIn, UserManager<DirectoryUser> users) : PageModel
{
    public const string Failed = "That email and password do not match an account that can sign in now. After five wrong attempts an account waits 15 minutes.";

    [BindProperty, Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address like name@example.org."), Display(Name = "Email")]
    public string Email { get; set; } = "";

    [BindProperty, Required(ErrorMessage = "Enter your password."), DataType(DataType.Password), Display(Name = "Password")]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var user = await users.FindByEmailAsync(Email);
        if (user is null || user.ErasedAt is not null)
        {
            // Same work as checking a real password, so the answer's timing says nothing either.
            users.PasswordHasher.VerifyHashedPassword(new DirectoryUser(), DecoyHash, Password);
            ModelState.AddModelError("", Failed);
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            return RedirectToPage("LoginTwoFactor", new { ReturnUrl });
        }

        if (!result.Succeeded)
        {
            ModelState.AddModelError("", Failed);
            return Page();
        }

        return LocalRedirect(StaffReturn.Safe(Url, ReturnUrl));
    }

    private static readonly string DecoyHash = new PasswordHasher<DirectoryUser>().HashPassword(new DirectoryUser(), Guid.NewGuid().ToString());
}
