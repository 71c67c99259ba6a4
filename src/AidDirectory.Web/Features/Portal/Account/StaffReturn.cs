using Microsoft.AspNetCore.Mvc;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>Where to go after signing in: the page asked for, if it is one of ours, else the portal.</summary>
internal static class StaffReturn
{
    public static string Safe(IUrlHelper url, string? returnUrl) =>
        returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') && url.IsLocalUrl(returnUrl) && Accounts.StaffPaths.Contains(new PathString(returnUrl.Split('?')[0]))
            ? returnUrl
            : "/portal";
}
