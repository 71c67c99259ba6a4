using System.ComponentModel.DataAnnotations;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>The second step of signing in: a code from the authenticator app, or one of the recovery codes.</summary>
public sealed class LoginTwoFactorModel(SignInManager<DirectoryUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your authenticator app, or a recovery code."), Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return RedirectToPage("Login");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Accounts.AuthenticatorCode.Normalize(Code);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await signIn.TwoFactorRecoveryCodeSignInAsync(Code.Trim());
        if (!result.Succeeded)
        {
            ModelState.AddModelError(nameof(Code), "That code did not work. Codes change every 30 seconds; check the time on your phone. After five wrong attempts the account waits 15 minutes.");
            return Page();
        }

        return LocalRedirect(StaffReturn.Safe(Url, ReturnUrl));
    }
}
