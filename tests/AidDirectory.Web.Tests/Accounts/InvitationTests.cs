using System.Net;
using AidDirectory.Core.Audit;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Tests.Accounts;

/// <summary>Without mail the site cannot reach an address's owner: no one registers, an administrator invites (issue 13, finding 4).</summary>
public sealed class InvitationTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Without_mail_the_register_page_explains_invitations_and_makes_no_account()
    {
        var visitor = new StaffSession(app);
        var page = await visitor.GetAsync("/portal/account/register");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("Accounts on this directory are by invitation", page.Text, StringComparison.Ordinal);
        Assert.Null(page.Document.QuerySelector("main form[method=post]"));

        // A post made by hand (with a valid form token from the sign-in page) makes nothing either.
        var login = await visitor.GetAsync("/portal/account/login");
        var token = login.Document.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("DisplayName", "Hand Made"), new("Email", "handmade@invite.example.org"),
            new("Password", "a password of some length"), new("ConfirmPassword", "a password of some length")]);
        var posted = await visitor.Client.PostAsync("/portal/account/register", form, Token);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.False(await app.WithDatabaseAsync(db => db.Users.AnyAsync(u => u.Email == "handmade@invite.example.org", Token)));
    }

    [Fact]
    public async Task An_administrator_invites_an_editor_with_a_one_time_link_and_the_audit_log_names_who()
    {
        var admin = new StaffSession(app);
        await admin.SetUpAdministratorAsync("inviter@invite.example.org");
        var invited = await admin.SubmitAsync("/admin/users", f => f.Set("InviteEmail", "newcomer@invite.example.org").Set("InviteName", "Nia Newcomer"), formSelector: "form[data-invite]");
        Assert.Equal(HttpStatusCode.OK, invited.Status);
        var link = new Uri(invited.Document.QuerySelector("[data-invitation]")!.TextContent).PathAndQuery;
        Assert.StartsWith("/portal/account/setup?token=", link, StringComparison.Ordinal);

        var newcomerId = await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "newcomer@invite.example.org").Select(u => u.Id).SingleAsync(Token));
        var log = await admin.GetAsync($"/admin/audit?action={AuditActions.UserInvited}&subject={newcomerId}");
        var row = Assert.Single(log.Document.QuerySelectorAll("tr[data-action]"));
        Assert.Equal("Admin inviter@invite.example.org", row.QuerySelector("[data-actor]")!.TextContent);

        var newcomer = new StaffSession(app);
        await newcomer.SetUpFromLinkAsync(link);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/portal")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await new StaffSession(app).GetAsync(link)).Status);

        // Inviting an address that has an account says so (to an administrator only) and makes no link.
        var again = await admin.SubmitAsync("/admin/users", f => f.Set("InviteEmail", "newcomer@invite.example.org"), formSelector: "form[data-invite]");
        Assert.Equal(HttpStatusCode.Conflict, again.Status);
        Assert.Null(again.Document.QuerySelector("[data-invitation]"));
        Assert.Contains("already has an account", again.Text, StringComparison.Ordinal);
    }
}
