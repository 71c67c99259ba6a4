using System.ComponentModel.DataAnnotations;
using System.Globalization;
using AidDirectory.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>
/// Sign-in with email and password, then the second factor when the account has one. Every failure reads the
/// same and costs the same (<see cref="StaffSignInManager"/>), so the page tells no one whether an account
/// exists or is locked. Too many failures from one network get 429 and a wait, never a locked account.
/// </summary>
public sealed class LoginModel(StaffSignInManager signIn) : PageModel
{
    public const string Failed = "That email and password do not match an account that can sign in now.";

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

        return await signIn.PasswordAsync(Email, Password) switch
        {
            SignInAttempt.SignedIn => LocalRedirect(StaffReturn.Safe(Url, ReturnUrl)),
            SignInAttempt.NeedsCode => RedirectToPage("LoginTwoFactor", new { ReturnUrl }),
            SignInAttempt.Throttled throttled => Throttled(this, "", throttled.RetryAfter),
            _ => Refused(),
        };
    }

    /// <summary>The page again with a message saying how long to wait, as 429 with Retry-After.</summary>
    internal static PageResult Throttled(PageModel page, string field, TimeSpan retryAfter)
    {
        var minutes = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalMinutes));
        page.ModelState.AddModelError(field, $"Too many failed sign-ins from your network. Wait {minutes} {(minutes == 1 ? "minute" : "minutes")} and try again. Your account is not locked: you can sign in from another network now.");
        page.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        page.Response.Headers.RetryAfter = Math.Ceiling(retryAfter.TotalSeconds).ToString(CultureInfo.InvariantCulture);
        return page.Page();
    }

    private PageResult Refused()
    {
        ModelState.AddModelError("", Failed);
        return Page();
    }
}
