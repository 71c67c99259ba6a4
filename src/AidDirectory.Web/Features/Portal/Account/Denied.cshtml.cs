using AidDirectory.Core.Accounts;
using AidDirectory.Web.Features.Accounts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>Where a signed-in person lands when a page is not theirs; it says why, and what would change it.</summary>
public sealed class DeniedModel : PageModel
{
    public bool NeedsSecondFactor { get; private set; }

    public void OnGet()
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        NeedsSecondFactor = (User.IsInRole(Roles.Moderator) || User.IsInRole(Roles.Administrator))
            && !User.HasClaim(AccountsSetup.MultiFactorClaim, AccountsSetup.MultiFactorValue);
    }
}
