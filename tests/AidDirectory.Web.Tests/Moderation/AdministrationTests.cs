using System.Net;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>Administrators: roles, the audit log, a person's data exported and erased with the trail kept.</summary>
public sealed class AdministrationTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Only_administrators_reach_people_and_the_audit_log()
    {
        var moderator = new StaffSession(app);
        await moderator.CreateAndSignInAsync("moderator@admin.example.org", Roles.Moderator, withTwoFactor: true);
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync("/admin")).Status);
        foreach (var page in new[] { "/admin/audit", "/admin/users" })
        {
            Assert.StartsWith("http://localhost/portal/account/denied", (await moderator.GetAsync(page)).Location, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task An_administrator_grants_a_role_and_the_audit_log_shows_who_did_it()
    {
        var admin = new StaffSession(app);
        await admin.SetUpAdministratorAsync("granter@admin.example.org");
        var editor = new StaffSession(app);
        await editor.RegisterAsync("promoted@admin.example.org", "Pat Promoted");
        var id = await UserIdAsync("promoted@admin.example.org");

        var granted = await admin.SubmitAsync($"/admin/users/{id}", formSelector: "form:has(button[data-role=Moderator])");
        Assert.Equal(HttpStatusCode.Redirect, granted.Status);
        Assert.Contains("Moderator", (await admin.GetAsync($"/admin/users/{id}")).Document.QuerySelector("[data-roles]")!.TextContent, StringComparison.Ordinal);
        // The new moderator has no second factor yet: they still cannot work the queue.
        await editor.SignInAsync("promoted@admin.example.org");
        Assert.StartsWith("http://localhost/portal/account/denied", (await editor.GetAsync("/admin")).Location, StringComparison.Ordinal);

        var log = await admin.GetAsync($"/admin/audit?action={AuditActions.UserRoleAdded}&subject={id}");
        var row = Assert.Single(log.Document.QuerySelectorAll("tr[data-action]"));
        Assert.Equal("Admin granter@admin.example.org", row.QuerySelector("[data-actor]")!.TextContent);
        Assert.Contains("Moderator", row.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/admin/audit?from=yesterday")).Status);
        foreach (var wrong in new[] { "/admin/audit?page=abc", "/admin?kind=Everything", "/admin?area=99", "/admin?area=abc", "/admin?page=0" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync(wrong)).Status);
        }


        // The last administrator cannot remove their own role.
        var self = await UserIdAsync("granter@admin.example.org");
        var refused = await admin.SubmitAsync($"/admin/users/{self}", formSelector: "form:has(button[data-role=Administrator])");
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
    }

    [Fact]
    public async Task A_persons_data_is_exported_then_erased_and_the_audit_trail_keeps_a_pseudonym()
    {
        var admin = new StaffSession(app);
        await admin.SetUpAdministratorAsync("eraser@admin.example.org");
        var person = new StaffSession(app);
        await person.RegisterAsync("leaving@admin.example.org", "Lee Leaving");
        var sent = await person.SubmitAsync("/portal/organizations/new", f => f.Set("Name", "Leaving Org").Set("Contact.Phone", "312-555-0177").Set("Contact.Name", "Lee at home"));
        var submission = Guid.Parse(sent.Location!.Split('/')[^1]);
        var id = await UserIdAsync("leaving@admin.example.org");
        var trailBefore = await app.WithDatabaseAsync(db => db.AuditEntries.CountAsync(a => a.ActorId == id, Token));

        var page = await admin.GetAsync($"/admin/users/{id}");
        var export = await admin.PostAsync(page, $"/admin/users/{id}", formSelector: "form:has(button:contains('Download'))");
        Assert.Equal(HttpStatusCode.OK, export.Status);
        Assert.Equal("application/json", export.Response.Content.Headers.ContentType?.MediaType);
        var json = await export.Response.Content.ReadAsStringAsync(Token);
        Assert.Contains("leaving@admin.example.org", json, StringComparison.Ordinal);
        Assert.Contains("312-555-0177", json, StringComparison.Ordinal);
        Assert.Contains("Leaving Org", json, StringComparison.Ordinal);

        var notConfirmed = await admin.PostAsync(page, $"/admin/users/{id}", f => f.Set("confirm", "yes"), formSelector: "form:has(input[name=confirm])");
        Assert.Equal(HttpStatusCode.Conflict, notConfirmed.Status);
        var erased = await admin.PostAsync(page, $"/admin/users/{id}", f => f.Set("confirm", "ERASE"), formSelector: "form:has(input[name=confirm])");
        Assert.Equal(HttpStatusCode.Redirect, erased.Status);

        var (user, contact, trailAfter) = await app.WithDatabaseAsync(async db => (
            await db.Users.AsNoTracking().SingleAsync(u => u.Id == id, Token),
            await db.Submissions.Where(s => s.Id == submission).Select(s => new { s.ContactName, s.ContactPhone, s.ContactEmail }).SingleAsync(Token),
            await db.AuditEntries.CountAsync(a => a.ActorId == id, Token)));
        Assert.DoesNotContain("leaving", user.Email!, StringComparison.Ordinal);
        Assert.Null(user.DisplayName);
        Assert.Null(user.PasswordHash);
        Assert.Equal(new { ContactName = (string?)null, ContactPhone = (string?)null, ContactEmail = (string?)null }, contact);
        Assert.Equal(trailBefore, trailAfter);
        var log = await admin.GetAsync($"/admin/audit?person={id}");
        Assert.All(log.Document.QuerySelectorAll("[data-actor]"), cell => Assert.StartsWith("erased user ", cell.TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("Lee Leaving", log.Text, StringComparison.Ordinal);
        var signIn = await new StaffSession(app).SignInAsync("leaving@admin.example.org", expectSuccess: false);
        Assert.Equal(HttpStatusCode.OK, signIn.Status);
        Assert.Contains("do not match an account", signIn.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_queue_pages_through_many_items_oldest_first()
    {
        var admin = new StaffSession(app);
        await admin.SetUpAdministratorAsync("pager@admin.example.org");
        await app.WithDatabaseAsync(db =>
        {
            var start = app.Clock.GetCurrentInstant() - NodaTime.Duration.FromDays(400);
            db.Submissions.AddRange(Enumerable.Range(0, 60).Select(i => new Core.Moderation.Submission
            {
                Id = Guid.NewGuid(), Kind = Core.Moderation.SubmissionKind.NewOrganization, OrganizationId = Guid.NewGuid(), Title = $"Paged org {i:00}",
                Snapshot = Core.Moderation.Snapshots.Write(new Core.Moderation.OrganizationDraft($"Paged org {i:00}", null, null, null)),
                SubmittedAt = start + NodaTime.Duration.FromMinutes(i), UpdatedAt = start + NodaTime.Duration.FromMinutes(i),
            }));
            return db.SaveChangesAsync(Token);
        });
        string FirstTitle(StaffSession.Page page) => page.Document.QuerySelector("tr[data-submission] a")!.TextContent;
        Assert.Equal("Paged org 00", FirstTitle(await admin.GetAsync("/admin")));
        Assert.Equal("Paged org 50", FirstTitle(await admin.GetAsync("/admin?page=2")));
        Assert.Equal("Paged org 50", FirstTitle(await admin.GetAsync("/admin?kind=NewOrganization&page=2")));
    }

    private Task<Guid> UserIdAsync(string email) =>
        app.WithDatabaseAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync(Token));
}
