using System.Globalization;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using OtpNet;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>
/// Authenticator-app codes (TOTP, RFC 6238: six digits, 30-second steps) that work once. Identity's own provider
/// accepts a code for two steps either side and as often as it is typed; this one accepts one step of drift
/// either side of the site's clock, and only a step newer than the last one the person used, which is kept as
/// an Identity user token (no schema change).
/// </summary>
public sealed class SingleUseAuthenticator(TimeProvider time) : IUserTwoFactorTokenProvider<DirectoryUser>
{
    public const string ProviderName = "SingleUseAuthenticator";
    private const string TokenLoginProvider = "[AidDirectory]";
    private const string LastStepName = "AuthenticatorLastStep";

    // The phone makes the codes; the site never sends one.
    public Task<string> GenerateAsync(string purpose, UserManager<DirectoryUser> manager, DirectoryUser user) => Task.FromResult(string.Empty);

    public async Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<DirectoryUser> manager, DirectoryUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        return !string.IsNullOrWhiteSpace(await manager.GetAuthenticatorKeyAsync(user));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<DirectoryUser> manager, DirectoryUser user)
    {
        ArgumentNullException.ThrowIfNull(manager);
        var key = await manager.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrWhiteSpace(key) || token is not { Length: 6 } || !token.All(char.IsAsciiDigit))
        {
            return false;
        }

        var totp = new Totp(Base32Encoding.ToBytes(key));
        if (!totp.VerifyTotp(time.GetUtcNow().UtcDateTime, token, out var step, new VerificationWindow(previous: 1, future: 1)))
        {
            return false;
        }

        var last = long.TryParse(await manager.GetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepName), NumberStyles.None, CultureInfo.InvariantCulture, out var used) ? used : -1;
        if (step <= last)
        {
            return false;
        }

        // Saved with the user's concurrency stamp: of two requests racing with one code, only one succeeds.
        return (await manager.SetAuthenticationTokenAsync(user, TokenLoginProvider, LastStepName, step.ToString(CultureInfo.InvariantCulture))).Succeeded;
    }
}
