using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AidDirectory.Core.Audit;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using NodaTime.Extensions;
using QRCoder;

namespace AidDirectory.Web.Features.Portal.Account;

/// <summary>
/// Turns on two-factor sign-in with an authenticator app (TOTP): the key as a QR code drawn here (never by
/// a third-party service) and as text, a code to prove it works, then ten recovery codes shown once.
/// </summary>
public sealed class TwoFactorModel(UserManager<DirectoryUser> users, SignInManager<DirectoryUser> signIn, DirectoryDbContext db, TimeProvider time) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the 6-digit code your app shows."), Display(Name = "Code from the app")]
    public string Code { get; set; } = "";

    public bool Enabled { get; private set; }
    public string Key { get; private set; } = "";
    public string QrDataUri { get; private set; } = "";
    public IReadOnlyList<string> RecoveryCodes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        await ShowAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null)
        {
            return Challenge();
        }

        if (!ModelState.IsValid)
        {
            await ShowAsync(user);
            return Page();
        }

        var code = Accounts.AuthenticatorCode.Normalize(Code);
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            ModelState.AddModelError(nameof(Code), "That code did not match. Check that the app shows AidDirectory and your email, and that the phone's clock is right.");
            await ShowAsync(user);
            return Page();
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await users.SetTwoFactorEnabledAsync(user, true);
            RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))?.ToList() ?? [];
            db.AuditEntries.Add(new AuditEntry { At = time.GetCurrentInstant(), ActorId = user.Id, Action = AuditActions.UserTwoFactorEnabled, SubjectKind = "User", SubjectId = user.Id.ToString() });
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        // The person just proved the second factor: their session counts as a two-factor sign-in.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(AccountsSetup.MultiFactorClaim, AccountsSetup.MultiFactorValue)]);
        Enabled = true;
        return Page();
    }

    private async Task ShowAsync(DirectoryUser user)
    {
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        if (Enabled)
        {
            return;
        }

        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key changes the security stamp, which every request checks: the session gets a cookie with the new one.
            await users.ResetAuthenticatorKeyAsync(user);
            await signIn.RefreshSignInAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
        }

        Key = string.Join(' ', key.Chunk(4).Select(c => new string(c))).ToLowerInvariant();
        var uri = $"otpauth://totp/AidDirectory:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer=AidDirectory&digits=6";
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        QrDataUri = "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
