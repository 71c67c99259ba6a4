using System.Net;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Accounts;

/// <summary>An invitation link is handed on outside the site, so it must name the public address, never the Host the administrator's request came in on.</summary>
public sealed class InvitationLinkTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    [Fact]
    public async Task An_invitation_link_starts_with_the_public_address()
    {
        var admin = new StaffSession(app);
        await admin.SetUpAdministratorAsync("linker@invite.example.org");
        var invited = await admin.SubmitAsync("/admin/users", f => f.Set("InviteEmail", "linked@invite.example.org").Set("InviteName", "Lin Ked"), formSelector: "form[data-invite]");
        Assert.Equal(HttpStatusCode.OK, invited.Status);
        Assert.StartsWith("https://directory.example.org/portal/account/setup?token=", invited.Document.QuerySelector("[data-invitation]")!.TextContent, StringComparison.Ordinal);
    }
}
