using System.Net;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Moderation;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>Who reaches which page; what sign-in reveals; where cookies go.</summary>
public sealed class AccessTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static readonly string[] StaffPaths = ["/portal", "/admin"];
    private static readonly string[] PublicPages = ["/en/", "/es/search?q=comida", "/api/v1/services?q=food", "/portalx", "/"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/portal")]
    [InlineData("/portal/organizations/new")]
    [InlineData("/portal/account/two-factor")]
    [InlineData("/admin")]
    public async Task Signed_out_visitors_are_sent_to_sign_in(string path)
    {
        var page = await new StaffSession(app).GetAsync(path);
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.StartsWith("http://localhost/portal/account/login?ReturnUrl=", page.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_never_reaches_the_queue_and_a_moderator_without_two_factor_can_do_nothing()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("editor@access.example.org", "Ed");
        Assert.StartsWith("http://localhost/portal/account/denied", (await editor.GetAsync("/admin")).Location, StringComparison.Ordinal);

        var moderator = new StaffSession(app);
        await moderator.CreateAndSignInAsync("nofactor@access.example.org", Roles.Moderator, withTwoFactor: false);
        var submission = await PendingOrganizationAsync("Access Test Org");
        Assert.StartsWith("http://localhost/portal/account/denied", (await moderator.GetAsync("/admin")).Location, StringComparison.Ordinal);
        var denied = await moderator.GetAsync("/portal/account/denied");
        Assert.Equal(HttpStatusCode.Forbidden, denied.Status);
        Assert.Contains("two-factor", denied.Text, StringComparison.Ordinal);

        // Even a well-formed decision posted with the portal's own antiforgery token is refused.
        var portal = await moderator.GetAsync("/portal/organizations/new");
        var token = portal.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("decision", "Approve"), new("version", "0")]);
        var post = await moderator.Client.PostAsync($"/admin/submissions/{submission}", form, Token);
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.Equal(SubmissionState.Pending, await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == submission).Select(s => s.State).SingleAsync(Token)));

        // With two-factor on, the same person reaches the queue.
        await moderator.EnrolTwoFactorAsync();
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).Status);
    }

    [Fact]
    public async Task An_editor_sees_only_their_own_organizations_submissions_and_listings()
    {
        var alice = new StaffSession(app);
        await alice.RegisterAsync("alice@access.example.org", "Alice");
        var bob = new StaffSession(app);
        await bob.RegisterAsync("bob@access.example.org", "Bob");
        var sent = await alice.SubmitAsync("/portal/organizations/new", f => f.Set("Name", "Alice's Pantry").Set("Contact.Email", "alice.home@access.example.org"));
        var mine = sent.Location!;
        Assert.Equal(HttpStatusCode.OK, (await alice.GetAsync(mine)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync(mine)).Status);
        Assert.DoesNotContain("Alice's Pantry", (await bob.GetAsync("/portal")).Text, StringComparison.Ordinal);

        // A published listing of an organization Bob does not belong to: no edit form, no proposal.
        var someone = await app.WithDatabaseAsync(db => db.Services.OrderBy(s => s.Id).Select(s => new { s.Id, s.OrganizationId }).FirstAsync(Token));
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/portal/services/{someone.Id}/edit")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await bob.GetAsync($"/portal/services/new?organization={someone.OrganizationId}")).Status);
        // The moderator-only contact never shows on the editor's own page either way.
        Assert.DoesNotContain("alice.home@access.example.org", (await alice.GetAsync(mine)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_says_the_same_for_an_unknown_address_a_wrong_password_and_a_locked_account()
    {
        var known = new StaffSession(app);
        await known.RegisterAsync("known@access.example.org", "Known");
        async Task<string> FailAsync(string email, string password)
        {
            var page = await new StaffSession(app).SubmitAsync("/portal/account/login", f => f.Set("Email", email).Set("Password", password));
            Assert.Equal(HttpStatusCode.OK, page.Status);
            return page.Document.QuerySelector("[role=alert]")!.TextContent.Trim();
        }

        var unknown = await FailAsync("nobody@access.example.org", "whatever whatever");
        var wrong = await FailAsync("known@access.example.org", "not the password");
        Assert.Equal(unknown, wrong);

        // Locked (failures no longer lock an account, so lock it as erasure or an old lockout would): even the
        // right password is refused, with the same words. (Accounts/SignInTests: the same work, and the throttle.)
        await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "known@access.example.org")
            .ExecuteUpdateAsync(u => u.SetProperty(x => x.LockoutEnabled, true).SetProperty(x => x.LockoutEnd, DateTimeOffset.MaxValue), Token));
        Assert.Equal(unknown, await FailAsync("known@access.example.org", StaffSession.Password));
    }

    [Fact]
    public async Task Cookies_are_scoped_to_the_portal_and_admin_and_never_set_or_sent_on_public_pages()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("cookies@access.example.org", "Cookie");
        Assert.Contains(editor.CookiesFor("/portal"), c => c.Name == "aid.session");
        Assert.Contains(editor.CookiesFor("/admin"), c => c.Name == "aid.session");
        Assert.All(editor.CookiesFor("/portal"), c => Assert.Contains(c.Path, StaffPaths));
        foreach (var publicPage in PublicPages)
        {
            Assert.Empty(editor.CookiesFor(publicPage));
            var response = await editor.Client.GetAsync(publicPage, Token);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{publicPage} set a cookie");
        }

        var signedIn = await editor.Client.GetAsync("/portal", Token);
        Assert.True(signedIn.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_decision_posted_without_saying_which_decides_nothing()
    {
        var submission = await PendingOrganizationAsync("Undecided Org");
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("undecided.mod@access.example.org");
        var review = await moderator.GetAsync($"/admin/submissions/{submission}");
        var answer = await moderator.PostAsync(review, $"/admin/submissions/{submission}");
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(SubmissionState.Pending, await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == submission).Select(s => s.State).SingleAsync(Token)));
    }

    [Theory]
    [InlineData("~/portal")]
    [InlineData("//evil.example/portal")]
    [InlineData("https://evil.example/admin")]
    [InlineData("/en/search?q=x")]
    public async Task After_sign_in_only_our_own_staff_pages_are_returned_to(string returnUrl)
    {
        var someone = new StaffSession(app);
        await someone.RegisterAsync($"{Guid.NewGuid():N}@return.example.org", "Ret");
        var fresh = new StaffSession(app);
        var email = (await app.WithDatabaseAsync(db => db.Users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id).Select(u => u.Email).ToListAsync(Token)))
            .First(e => e!.EndsWith("@return.example.org", StringComparison.Ordinal))!;
        var page = await fresh.SubmitAsync($"/portal/account/login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", f => f.Set("Email", email).Set("Password", StaffSession.Password));
        Assert.Equal(HttpStatusCode.Redirect, page.Status);
        Assert.Equal("/portal", page.Location);
    }

    [Fact]
    public async Task An_organization_request_cannot_be_sent_back_for_changes_it_could_never_resubmit()
    {
        var submission = await PendingOrganizationAsync("Stuck Org");
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("no.stuck@access.example.org");
        var review = await moderator.GetAsync($"/admin/submissions/{submission}");
        Assert.Null(review.Document.QuerySelector("button[value=RequestChanges]"));
        var refused = await moderator.PostAsync(review, $"/admin/submissions/{submission}", f => f.Set("Message", "More?"), button: ("decision", "RequestChanges"));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Equal(SubmissionState.Pending, await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == submission).Select(s => s.State).SingleAsync(Token)));
    }

    [Fact]
    public async Task Signing_out_from_any_page_ends_the_session()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("leaving.soon@access.example.org", "Leaving");
        var dashboard = await editor.GetAsync("/portal");
        var signedOut = await editor.PostAsync(dashboard, "/portal", formSelector: "header form[action='/portal/account/logout']");
        Assert.Equal("/portal/account/login", signedOut.Location);
        Assert.StartsWith("http://localhost/portal/account/login", (await editor.GetAsync("/portal")).Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_setup_link_works_once_and_not_after_it_expires()
    {
        var admin = new StaffSession(app);
        var link = await admin.SetUpAdministratorAsync("first.admin@access.example.org");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin")).Status);
        var again = await new StaffSession(app).GetAsync(link);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Contains("not valid", again.Text, StringComparison.Ordinal);

        string token;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            (_, token) = await SetupLinks.CreateAdministratorAsync(
                scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>(), scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(),
                scope.ServiceProvider.GetRequiredService<AidDirectory.Data.DirectoryDbContext>(), "late.admin@access.example.org", null,
                Instant.FromDateTimeOffset(app.Clock.GetUtcNow()) - Duration.FromDays(3));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await new StaffSession(app).GetAsync($"/portal/account/setup?token={token}")).Status);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_is_refused()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("forgery@access.example.org", "Forge");
        using var form = new FormUrlEncodedContent([new("Name", "Forged Org")]);
        var response = await editor.Client.PostAsync("/portal/organizations/new", form, Token);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(await app.WithDatabaseAsync(db => db.Submissions.AnyAsync(s => s.Title == "Forged Org", Token)));
    }

    private async Task<Guid> PendingOrganizationAsync(string name)
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync($"{Guid.NewGuid():N}@access.example.org", "Someone");
        var sent = await editor.SubmitAsync("/portal/organizations/new", f => f.Set("Name", name));
        return Guid.Parse(sent.Location!.Split('/')[^1]);
    }
}
