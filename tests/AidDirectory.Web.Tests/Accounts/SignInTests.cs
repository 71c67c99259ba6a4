using System.Net;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Tests.Accounts;

/// <summary>
/// Sign-in tells no one which accounts exist or are locked, and nobody elsewhere can lock staff out
/// (issue 13, finding 4): one path for every attempt, and a throttle per network instead of a lockout.
/// </summary>
public sealed class SignInTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_failed_sign_in_hashes_one_password_whether_the_address_is_unknown_the_password_wrong_or_the_account_locked()
    {
        await new StaffSession(app).RegisterAsync("hashed@signin.example.org", "Hash");
        await new StaffSession(app).RegisterAsync("locked@signin.example.org", "Lock");
        await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "locked@signin.example.org")
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnabled, true).SetProperty(x => x.LockoutEnd, DateTimeOffset.MaxValue), Token));

        async Task<(int Hashes, HttpStatusCode Status, string Message)> AttemptAsync(string email, string password)
        {
            var session = new StaffSession(app, "198.18.7.1");
            var form = await session.GetAsync("/portal/account/login");
            var before = app.Hasher.Verifications;
            var page = await session.PostAsync(form, "/portal/account/login", f => f.Set("Email", email).Set("Password", password));
            return (app.Hasher.Verifications - before, page.Status, page.Document.QuerySelector("[role=alert]")?.TextContent.Trim() ?? "");
        }

        var unknown = await AttemptAsync("nobody@signin.example.org", "not the password");
        var wrong = await AttemptAsync("hashed@signin.example.org", "not the password");
        var locked = await AttemptAsync("locked@signin.example.org", StaffSession.Password);
        Assert.Equal((1, HttpStatusCode.OK), (unknown.Hashes, unknown.Status));
        Assert.Equal(unknown, wrong);
        Assert.Equal(unknown, locked);
        Assert.Contains("do not match an account", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failures_from_one_network_never_stop_the_owner_signing_in_from_another()
    {
        await new StaffSession(app).RegisterAsync("owner@signin.example.org", "Owner");
        var attacker = new StaffSession(app, "203.0.113.5");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 30; i++)
        {
            answers.Add((await attacker.SignInAsync("owner@signin.example.org", password: $"guess number {i}", expectSuccess: false)).Status);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, answers); // the attacker was slowed down, so the next line can fail
        await new StaffSession(app, "198.51.100.7").SignInAsync("owner@signin.example.org");
    }

    [Fact]
    public async Task A_throttled_network_is_refused_even_with_the_right_password_until_the_window_passes()
    {
        await new StaffSession(app).RegisterAsync("patient@signin.example.org", "Patient");
        var guesser = new StaffSession(app, "192.0.2.10");
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await guesser.SignInAsync("patient@signin.example.org", password: $"wrong guess {i}", expectSuccess: false)).Status);
        }

        // Another machine on the same /24 (the same household or office) waits too, even with the right password.
        var neighbour = new StaffSession(app, "192.0.2.77");
        var refused = await neighbour.SignInAsync("patient@signin.example.org", expectSuccess: false);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
        Assert.Contains("Too many failed sign-ins from your network. Wait 15 minutes", refused.Text, StringComparison.Ordinal);
        Assert.Equal("900", refused.Response.Headers.RetryAfter?.ToString());

        // An address without an account is slowed down alike, so the wait reveals nothing.
        for (var i = 0; i < 5; i++)
        {
            await guesser.SignInAsync("nobody.here@signin.example.org", password: $"wrong guess {i}", expectSuccess: false);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await guesser.SignInAsync("nobody.here@signin.example.org", password: "one more", expectSuccess: false)).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(15));
        await neighbour.SignInAsync("patient@signin.example.org");
    }

    [Fact]
    public async Task A_session_cookie_copied_before_signing_out_is_refused_afterwards()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("copied@signin.example.org", "Copied");
        var session = Assert.Single(editor.CookiesFor("/portal"), c => c.Name == "aid.session");
        var dashboard = await editor.GetAsync("/portal");
        Assert.Equal(HttpStatusCode.OK, dashboard.Status);
        await editor.PostAsync(dashboard, "/portal", formSelector: "header form[action='/portal/account/logout']");

        using var replay = new HttpRequestMessage(HttpMethod.Get, "/portal");
        replay.Headers.Add("Cookie", $"aid.session={session.Value}");
        var response = await new StaffSession(app).Client.SendAsync(replay, Token);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://directory.example.org/portal/account/login", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
