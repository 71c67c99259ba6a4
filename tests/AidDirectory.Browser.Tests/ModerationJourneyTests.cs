using System.Text.RegularExpressions;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using NodaTime.Extensions;
using OtpNet;

namespace AidDirectory.Browser.Tests;

/// <summary>
/// In Chromium: an organization describes itself and proposes a new pantry, a moderator who signs in with
/// an authenticator code approves both, and a resident on a phone finds the pantry in search.
/// </summary>
public sealed class ModerationJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    private const string Password = "a long enough pass phrase";

    [Fact]
    public async Task An_organization_submits_a_pantry_a_moderator_with_two_factor_approves_it_and_a_resident_finds_it()
    {
        await using var resident = await app.NewPhoneAsync();
        await using var organization = await app.Browser!.NewContextAsync(new() { Locale = "en-US" });
        await using var moderation = await app.Browser.NewContextAsync(new() { Locale = "en-US" });
        var editor = await organization.NewPageAsync();
        var moderator = await moderation.NewPageAsync();

        // Without mail the register page explains invitations; the organization follows an administrator's
        // one-time link, chooses a password and describes itself.
        await editor.GotoAsync(Url("/portal/account/register"));
        await Accessibility.AssertAsync(editor);
        await Assertions.Expect(editor.Locator("[data-by-invitation]")).ToBeVisibleAsync();
        await editor.GotoAsync(Url(await InvitationLinkAsync("olga@browser.example.org")));
        await editor.GetByLabel("Password (at least 12 characters)").FillAsync(Password);
        await editor.GetByLabel("Password again").FillAsync(Password);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Save the password" }).ClickAsync();
        await editor.GotoAsync(Url("/portal/organizations/new"));
        await editor.GetByLabel("Organization name").FillAsync("Hermosa Browser Mutual Aid");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-state]")).ToHaveTextAsync("Pending");

        // The first administrator comes in through the one-time link and turns on two-factor sign-in.
        await moderator.GotoAsync(Url(await SetupLinkAsync("mona@browser.example.org")));
        await moderator.GetByLabel("Password (at least 12 characters)").FillAsync(Password);
        await moderator.GetByLabel("Password again").FillAsync(Password);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Save the password" }).ClickAsync();
        var key = (await moderator.Locator("code[data-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        await Accessibility.AssertAsync(moderator);
        var step = app.Site.Clock.GetUtcNow().ToUnixTimeSeconds() / 30;
        await moderator.GetByLabel("Code from the app").FillAsync(Code(key, step));
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Turn on two-factor sign-in" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Heading, new() { Name = "Your recovery codes" })).ToBeVisibleAsync();
        await ApproveAsync(moderator, "Hermosa Browser Mutual Aid");

        // The organization proposes its pantry.
        await editor.GotoAsync(Url("/portal"));
        await editor.GetByRole(AriaRole.Link, new() { Name = "Propose a new service" }).ClickAsync();
        await Accessibility.AssertAsync(editor);
        await editor.Locator("input[name='Form.Name']").FillAsync("Qwzx Browser Pantry");
        await editor.GetByLabel("Food").CheckAsync();
        await editor.GetByLabel("Spanish", new() { Exact = true }).CheckAsync();
        await editor.GetByLabel("Phone 1 number").FillAsync("312-555-0148");
        await editor.GetByLabel("Row 1 weekday").SelectOptionAsync("Saturday");
        await editor.GetByLabel("Row 1 opens").FillAsync("09:00");
        await editor.GetByLabel("Row 1 closes").FillAsync("12:00");
        await editor.Locator("input[name='Form.Places[0].Address1']").FillAsync("4400 W Armitage Ave");
        await editor.Locator("input[name='Form.Places[0].PostalCode']").FillAsync("60639");
        await editor.Locator("input[name='Form.Places[0].Latitude']").FillAsync("41.9171");
        await editor.Locator("input[name='Form.Places[0].Longitude']").FillAsync("-87.7370");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Send for review" }).ClickAsync();
        await Assertions.Expect(editor.Locator("[data-state]")).ToHaveTextAsync("Pending");

        // Not visible to residents before approval.
        var search = await resident.NewPageAsync();
        await search.GotoAsync(Url("/es/search?q=Qwzx"));
        Assert.Equal(0, await search.GetByText("Qwzx Browser Pantry").CountAsync());

        // Signed out and in again, the moderator needs the authenticator code; then approves.
        await moderator.GotoAsync(Url("/portal"));
        await moderator.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign out") }).ClickAsync();
        await moderator.GotoAsync(Url("/admin"));
        await moderator.GetByLabel("Email").FillAsync("mona@browser.example.org");
        await moderator.GetByLabel("Password").FillAsync(Password);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        // Each code works once: the app's next one (the site allows one step of drift).
        await moderator.GetByLabel("Code").FillAsync(Code(key, step + 1));
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Heading, new() { Name = "Moderation queue" })).ToBeVisibleAsync();
        await ApproveAsync(moderator, "Qwzx Browser Pantry");

        // The resident finds it, in Spanish, on a phone.
        await app.Site.Services.GetRequiredService<SearchIndexFeed>().CatchUpAsync(TestContext.Current.CancellationToken);
        await search.GotoAsync(Url("/es/search?q=Qwzx"));
        await search.GetByRole(AriaRole.Link, new() { Name = "Qwzx Browser Pantry" }).ClickAsync();
        await Assertions.Expect(search.GetByRole(AriaRole.Heading, new() { Name = "Qwzx Browser Pantry", Level = 1 })).ToBeVisibleAsync();
        Assert.Contains("555-0148", await search.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertAsync(search);
        Assert.Empty(await resident.CookiesAsync());
    }

    private async Task ApproveAsync(IPage moderator, string title)
    {
        await moderator.GotoAsync(Url("/admin"));
        await Accessibility.AssertAsync(moderator);
        await moderator.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await Accessibility.AssertAsync(moderator);
        await moderator.GetByRole(AriaRole.Button, new() { Name = "Approve and publish" }).ClickAsync();
        await Assertions.Expect(moderator.GetByRole(AriaRole.Status)).ToContainTextAsync("is now Approved");
    }

    private async Task<string> SetupLinkAsync(string email)
    {
        await using var scope = app.Site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (_, token) = await SetupLinks.CreateAdministratorAsync(
            services.GetRequiredService<UserManager<DirectoryUser>>(), services.GetRequiredService<RoleManager<IdentityRole<Guid>>>(),
            services.GetRequiredService<DirectoryDbContext>(), email, "Mona Moderator", app.Site.Clock.GetCurrentInstant());
        return $"/portal/account/setup?token={token}";
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        await using var scope = app.Site.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (_, token) = await SetupLinks.InviteEditorAsync(services.GetRequiredService<UserManager<DirectoryUser>>(), services.GetRequiredService<DirectoryDbContext>(),
            email, "Olga Organizer", invitedBy: null, app.Site.Clock.GetCurrentInstant(), TestContext.Current.CancellationToken);
        return $"/portal/account/setup?token={token}";
    }

    // The site reads its own (fixed) clock, so the phone's code is computed from it.
    private static string Code(string key, long step) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(DateTime.UnixEpoch.AddSeconds(step * 30));

    private string Url(string path) => new Uri(app.BaseAddress!, path).ToString();
}
