using System.ComponentModel.DataAnnotations;
using AidDirectory.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>The second step of signing in: a code from the authenticator app (each works once), or one of the recovery codes.</summary>
public sealed class LoginTwoFactorModel(StaffSignInManager signIn) : PageModel
{
    public const string Refused = "That code did not work. Codes change every 30 seconds and each works once: wait for the next one, and check the time on your phone.";

    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code from your authenticator app, or a recovery code."), Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid)
        {
            return await signIn.GetTwoFactorAuthenticationUserAsync() is null ? RedirectToPage("Login") : Page();
        }

        switch (await signIn.CodeAsync(Code))
        {
            case SignInAttempt.SignedIn:
                return LocalRedirect(StaffReturn.Safe(Url, ReturnUrl));
            case SignInAttempt.NoPendingSignIn:
                return RedirectToPage("Login");
            case SignInAttempt.Throttled throttled:
                return LoginModel.Throttled(this, nameof(Code), throttled.RetryAfter);
            default:
                ModelState.AddModelError(nameof(Code), Refused);
                return Page();
        }
    }
}
