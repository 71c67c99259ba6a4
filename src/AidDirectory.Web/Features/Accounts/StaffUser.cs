using System.Security.Claims;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>The signed-in person's user id, from the cookie Identity issued.</summary>
internal static class StaffUser
{
    public static Guid Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id
        : throw new InvalidOperationException("The page needs a signed-in user.");
}
