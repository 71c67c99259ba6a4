using System.Net;
using System.Text.RegularExpressions;
using AidDirectory.Core.Audit;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Tests.Accounts;

/// <summary>With mail configured, registering answers the same for a new and a taken address; only the address's owner learns which (issue 13, finding 4).</summary>
public sealed partial class RegistrationTests(AccountsApp app) : IClassFixture<AccountsApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registering_a_taken_address_answers_exactly_as_a_new_one_and_only_the_owner_is_told()
    {
        var owner = new StaffSession(app);
        await owner.RegisterAsync("taken@register.example.org", "Tara Taken");
        var hashBefore = await app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == "taken@register.example.org").Select(u => u.PasswordHash).SingleAsync(Token));

        async Task<(HttpStatusCode, string?, string)> RegisterAsync(string email)
        {
            // A password too, as the form used to ask: it must change nothing.
            var visitor = new StaffSession(app);
            var sent = await visitor.SubmitAsync("/portal/account/register", f => f.Set("DisplayName", "Someone").Set("Email", email)
                .Set("Password", "a password of some length").Set("ConfirmPassword", "a password of some length"));
            var shown = sent.Location is { } location ? (await visitor.GetAsync(location)).Text : sent.Text;
            return (sent.Status, sent.Location, shown);
        }

        var fresh = await RegisterAsync("fresh@register.example.org");
        var taken = await RegisterAsync("taken@register.example.org");
        Assert.Equal(fresh, taken);
        Assert.Equal(HttpStatusCode.Redirect, fresh.Item1);
        Assert.Contains("We sent a message to that address", fresh.Item3, StringComparison.Ordinal);

        var (toFresh, toOwner, hashAfter) = await app.WithDatabaseAsync(async db => (
            await db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == "fresh@register.example.org")).Select(n => n.Body).SingleAsync(Token),
            await db.Notifications.Where(n => db.Users.Any(u => u.Id == n.UserId && u.Email == "taken@register.example.org")).Select(n => n.Subject + " " + n.Body).SingleAsync(Token),
            await db.Users.Where(u => u.Email == "taken@register.example.org").Select(u => u.PasswordHash).SingleAsync(Token)));
        Assert.Contains("Someone tried to register with your address", toOwner, StringComparison.Ordinal);
        Assert.Contains("https://directory.example.org/portal/account/login", toOwner, StringComparison.Ordinal);
        Assert.DoesNotContain("setup?token=", toOwner, StringComparison.Ordinal);
        Assert.Equal(hashBefore, hashAfter);
        await new StaffSession(app).SignInAsync("taken@register.example.org");

        // The new address's owner follows the mailed link, chooses a password and is in.
        var link = SetupLink().Match(toFresh);
        Assert.True(link.Success, toFresh);
        var newcomer = new StaffSession(app);
        await newcomer.SetUpFromLinkAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/portal")).Status);
        var created = await app.WithDatabaseAsync(async db =>
        {
            var id = (await db.Users.Where(u => u.Email == "fresh@register.example.org").Select(u => u.Id).SingleAsync(Token)).ToString();
            return await db.AuditEntries.Where(a => a.SubjectId == id).Select(a => a.Action).ToListAsync(Token);
        });
        Assert.Equal([AuditActions.UserCreated, AuditActions.UserSetupCompleted], created);
    }

    [GeneratedRegex("https://directory\\.example\\.org(/portal/account/setup\\?token=[A-Za-z0-9_-]+)")]
    private static partial Regex SetupLink();
}
