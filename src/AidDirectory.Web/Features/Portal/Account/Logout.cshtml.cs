using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>Signing out is a form post (with its antiforgery token), so no link elsewhere can sign anyone out.</summary>
public sealed class LogoutModel(SignInManager<DirectoryUser> signIn) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("Login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("Login");
    }
}
