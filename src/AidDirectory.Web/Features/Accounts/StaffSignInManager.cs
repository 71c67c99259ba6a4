using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>
/// Identity's sign-in with one path for every attempt (issue 13, finding 4). Identity answers a locked account
/// before hashing anything and locks any account after five failures from anywhere; here every attempt that is
/// not throttled hashes exactly one password (a decoy when the address is unknown, erased or has no password),
/// and only then is told apart, so the answer and its cost say nothing about the account. Guessing is slowed by
/// <see cref="SignInThrottle"/> per network instead of locking the account.
/// </summary>
public sealed class StaffSignInManager(
    UserManager<DirectoryUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<DirectoryUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<DirectoryUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<DirectoryUser> confirmation,
    SignInThrottle throttle)
    : SignInManager<DirectoryUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    private static readonly string DecoyHash = new PasswordHasher<DirectoryUser>().HashPassword(new DirectoryUser(), Guid.NewGuid().ToString());

    /// <summary>The first step: the password, then the session or the code step.</summary>
    public async Task<SignInAttempt> PasswordAsync(string email, string password)
    {
        ArgumentNullException.ThrowIfNull(email);
        ArgumentNullException.ThrowIfNull(password);
        var client = throttle.For(Context, UserManager.NormalizeEmail(email) ?? "");
        if (throttle.RetryAfter(client) is { } wait)
        {
            return new SignInAttempt.Throttled(wait);
        }

        var user = await UserManager.FindByEmailAsync(email);
        var stored = user is { ErasedAt: null, PasswordHash: { } hash } ? hash : null;
        var verified = UserManager.PasswordHasher.VerifyHashedPassword(user ?? new DirectoryUser(), stored ?? DecoyHash, password);
        if (stored is null || user is null || verified == PasswordVerificationResult.Failed || !await CanSignInAsync(user) || await UserManager.IsLockedOutAsync(user))
        {
            throttle.Failed(client);
            return new SignInAttempt.Refused();
        }

        throttle.Succeeded(client);
        var result = await SignInOrTwoFactorAsync(user, isPersistent: false);
        return result.RequiresTwoFactor ? new SignInAttempt.NeedsCode() : new SignInAttempt.SignedIn();
    }

    /// <summary>The second step: a code from the authenticator app (single use, see <see cref="SingleUseAuthenticator"/>) or a recovery code.</summary>
    public async Task<SignInAttempt> CodeAsync(string typed)
    {
        ArgumentNullException.ThrowIfNull(typed);
        if (await GetTwoFactorAuthenticationUserAsync() is not { } user)
        {
            return new SignInAttempt.NoPendingSignIn();
        }

        var client = throttle.For(Context, user.NormalizedEmail ?? "");
        if (throttle.RetryAfter(client) is { } wait)
        {
            return new SignInAttempt.Throttled(wait);
        }

        var code = AuthenticatorCode.Normalize(typed);
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false)
            : await TwoFactorRecoveryCodeSignInAsync(typed.Trim());
        if (!result.Succeeded)
        {
            throttle.Failed(client);
            return new SignInAttempt.Refused();
        }

        throttle.Succeeded(client);
        return new SignInAttempt.SignedIn();
    }
}
