using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>Refuses a password that contains the account's email address or its name part.</summary>
internal sealed class PasswordNotEmail : IPasswordValidator<DirectoryUser>
{
    public Task<IdentityResult> ValidateAsync(UserManager<DirectoryUser> manager, DirectoryUser user, string? password)
    {
        var local = user.Email?.Split('@')[0];
        var weak = password is not null && local is { Length: >= 3 } && password.Contains(local, StringComparison.OrdinalIgnoreCase);
        return Task.FromResult(weak
            ? IdentityResult.Failed(new IdentityError { Code = "PasswordContainsEmail", Description = "The password must not contain your email address." })
            : IdentityResult.Success);
    }
}
