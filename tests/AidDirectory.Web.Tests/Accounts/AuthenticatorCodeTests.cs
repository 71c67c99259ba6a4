using System.Net;
using AidDirectory.Core.Accounts;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Accounts;

/// <summary>Authenticator codes work once, and only within one 30-second step of the site's clock (issue 13, finding 4).</summary>
public sealed class AuthenticatorCodeTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task A_code_that_signed_someone_in_does_not_sign_in_again()
    {
        var moderator = new StaffSession(app);
        await moderator.CreateAndSignInAsync("once@codes.example.org", Roles.Moderator, withTwoFactor: true);
        var code = moderator.NextCode();

        var first = new StaffSession(app, "198.18.20.1");
        await PasswordStepAsync(first, "once@codes.example.org");
        var signedIn = await first.SubmitAsync("/portal/account/login/code", f => f.Set("Code", code));
        Assert.Equal("/portal", signedIn.Location);

        // Someone who saw the code (over a shoulder, from a phishing page) and knows the password tries it at once.
        var second = new StaffSession(app, "198.18.21.1");
        await PasswordStepAsync(second, "once@codes.example.org");
        var replayed = await second.SubmitAsync("/portal/account/login/code", f => f.Set("Code", code));
        Assert.Equal(HttpStatusCode.OK, replayed.Status);
        Assert.Contains("That code did not work", replayed.Text, StringComparison.Ordinal);
        Assert.StartsWith("https://directory.example.org/portal/account/login", (await second.GetAsync("/portal")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_code_a_minute_old_is_refused_and_one_half_a_minute_old_is_taken()
    {
        var moderator = new StaffSession(app);
        await moderator.CreateAndSignInAsync("drift@codes.example.org", Roles.Moderator, withTwoFactor: true);
        app.Clock.Advance(TimeSpan.FromMinutes(5)); // well past the step used to turn two-factor on
        var now = StaffSession.StepAt(app.Clock.GetUtcNow());

        var late = new StaffSession(app, "198.18.22.1");
        await PasswordStepAsync(late, "drift@codes.example.org");
        var refused = await late.SubmitAsync("/portal/account/login/code", f => f.Set("Code", moderator.CodeAt(now - 2)));
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains("That code did not work", refused.Text, StringComparison.Ordinal);

        var taken = await late.SubmitAsync("/portal/account/login/code", f => f.Set("Code", moderator.CodeAt(now - 1)));
        Assert.Equal("/portal", taken.Location);
    }

    private static async Task PasswordStepAsync(StaffSession session, string email)
    {
        var page = await session.SubmitAsync("/portal/account/login", f => f.Set("Email", email).Set("Password", StaffSession.Password));
        Assert.Equal("/portal/account/login/code", page.Location);
    }
}
