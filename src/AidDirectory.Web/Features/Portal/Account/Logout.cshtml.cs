using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>
/// Signing out is a form post (with its antiforgery token), so no link elsewhere can sign anyone out. It ends
/// the session on the server too: a new security stamp makes every cookie issued before it worthless, so a
/// copy of the cookie (a shared computer, a proxy's log) does not outlive the sign-out.
/// </summary>
public sealed class LogoutModel(SignInManager<DirectoryUser> signIn, UserManager<DirectoryUser> users) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Login");

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is { } user)
        {
            await users.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
