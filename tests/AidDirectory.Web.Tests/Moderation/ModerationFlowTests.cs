using System.Net;
using System.Text.RegularExpressions;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>
/// The whole write path through HTTP, with real antiforgery tokens and cookies: an organization registers,
/// is approved, proposes a pantry, is asked for changes, resubmits, and a moderator with two-factor sign-in
/// publishes it; then a resident finds it.
/// </summary>
public sealed partial class ModerationFlowTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_organization_registers_proposes_a_pantry_and_a_resident_finds_it_only_after_approval()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("erin@flow.example.org", "Erin Editor");
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("mod@flow.example.org");

        // 1. A new organization is a submission; the moderator sees the contact details, approves.
        var sent = await editor.SubmitAsync("/portal/organizations/new", f => f
            .Set("Name", "Avondale Flow Mutual Aid").Set("Description", "Neighbours sharing food.")
            .Set("Contact.Name", "Erin E.").Set("Contact.Email", "erin.private@flow.example.org").Set("Contact.Phone", "312-555-0199"));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        var organizationSubmission = sent.Location!;
        var queue = await moderator.GetAsync("/admin");
        Assert.Contains("Avondale Flow Mutual Aid", queue.Text, StringComparison.Ordinal);
        var reviewUrl = "/admin/submissions/" + organizationSubmission.Split('/')[^1];
        var review = await moderator.GetAsync(reviewUrl);
        Assert.Contains("erin.private@flow.example.org", review.Document.QuerySelector("[data-contact]")!.TextContent, StringComparison.Ordinal);
        var approved = await moderator.PostAsync(review, reviewUrl, button: ("decision", "Approve"));
        Assert.Equal("/admin", approved.Location);

        // 2. The editor now speaks for it and proposes a pantry.
        var dashboard = await editor.GetAsync("/portal");
        var newService = dashboard.Document.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).First(h => h!.StartsWith("/portal/services/new?organization=", StringComparison.Ordinal))!;
        var proposed = await editor.SubmitAsync(newService, f => f
            .Set("Form.Name", "Zyxwv Flow Pantry").Set("Form.Description", "Fresh produce **every Saturday**.").Add("Form.Categories", "food")
            .Add("Form.Languages", "es").Set("Form.Cost", "0")
            .Set("Form.Phones[0].Number", "(312) 555-0142")
            .Set("Form.Hours[0].Weekday", "Saturday").Set("Form.Hours[0].Opens", "09:00").Set("Form.Hours[0].Closes", "12:00")
            .Set("Form.Places[0].Address1", "3500 W Diversey Ave").Set("Form.Places[0].PostalCode", "60647")
            .Set("Form.Places[0].Latitude", "41.9319").Set("Form.Places[0].Longitude", "-87.7137"));
        Assert.True(proposed.Status == HttpStatusCode.Redirect, proposed.Text);
        var submissionPage = proposed.Location!;
        var submissionId = Guid.Parse(submissionPage.Split('/')[^1]);
        Assert.DoesNotContain("Zyxwv Flow Pantry", await ResidentSearchAsync("Zyxwv"), StringComparison.Ordinal);

        // 3. The moderator reads the diff in words and asks for a change.
        reviewUrl = $"/admin/submissions/{submissionId}";
        review = await moderator.GetAsync(reviewUrl);
        Assert.Contains("9:00–12:00", review.Text, StringComparison.Ordinal);
        Assert.Contains("+13125550142", review.Text, StringComparison.Ordinal);
        var asked = await moderator.PostAsync(review, reviewUrl, f => f.Set("Message", "Please add the Spanish name."), button: ("decision", "RequestChanges"));
        Assert.Equal("/admin", asked.Location);
        var mine = await editor.GetAsync(submissionPage);
        Assert.Equal("ChangesRequested", mine.Document.QuerySelector("[data-state]")!.TextContent);
        Assert.Equal("Please add the Spanish name.", mine.Document.QuerySelector("[data-message]")!.TextContent);

        // 4. The editor resubmits: the earlier text is filled in, they add the translation.
        var resubmitForm = await editor.GetAsync($"/portal/submissions/{submissionId}/resubmit");
        Assert.Equal("Zyxwv Flow Pantry", resubmitForm.Document.QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));
        Assert.Contains("Please add the Spanish name.", resubmitForm.Text, StringComparison.Ordinal);
        var resubmitted = await editor.PostAsync(resubmitForm, $"/portal/submissions/{submissionId}/resubmit", f => f.Set("Form.Translations[1].Name", "Despensa Zyxwv"));
        Assert.Equal(submissionPage, resubmitted.Location);
        Assert.Equal("Pending", (await editor.GetAsync(submissionPage)).Document.QuerySelector("[data-state]")!.TextContent);

        // 5. Approval publishes it; the search index picks it up from the change log.
        review = await moderator.GetAsync(reviewUrl);
        Assert.Contains("Despensa Zyxwv", review.Text, StringComparison.Ordinal);
        Assert.Equal("/admin", (await moderator.PostAsync(review, reviewUrl, button: ("decision", "Approve"))).Location);
        await app.Services.GetRequiredService<SearchIndexFeed>().CatchUpAsync(Token);
        var results = await ResidentSearchAsync("Zyxwv");
        Assert.Contains("Zyxwv Flow Pantry", results, StringComparison.Ordinal);
        var serviceId = ServiceLink().Match(results).Groups[1].Value;
        using var resident = app.CreateClient();
        var spanish = await resident.GetStringAsync($"/es/service/{serviceId}", Token);
        Assert.Contains("Despensa Zyxwv", spanish, StringComparison.Ordinal);
        Assert.Contains("<strong>every Saturday</strong>", await resident.GetStringAsync($"/en/service/{serviceId}", Token), StringComparison.Ordinal);
        Assert.DoesNotContain("erin.private@flow.example.org", spanish, StringComparison.Ordinal);

        // 6. Every step left a trace.
        var trail = await app.WithDatabaseAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.SubjectId == submissionId.ToString() || a.SubjectId == serviceId).OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Token));
        Assert.Equal(
            [AuditActions.SubmissionCreated, AuditActions.SubmissionChangesRequested, AuditActions.SubmissionResubmitted, AuditActions.ServicePublished, AuditActions.SubmissionApproved],
            trail);
        var state = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == submissionId).Select(s => s.State).SingleAsync(Token));
        Assert.Equal(SubmissionState.Approved, state);
    }

    [Fact]
    public async Task An_edit_opened_before_another_edit_was_published_is_refused_with_what_changed_and_the_text_kept()
    {
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("mod@stale.example.org");
        var (first, second, serviceId) = (new StaffSession(app), new StaffSession(app), Guid.Empty);
        await first.RegisterAsync("first@stale.example.org", "First");
        await second.RegisterAsync("second@stale.example.org", "Second");
        serviceId = await app.WithDatabaseAsync(async db =>
        {
            var listing = new TestListing("Stale Edit Pantry").OpenOn(NodaTime.IsoDayOfWeek.Monday, 9, 17).OpenOn(NodaTime.IsoDayOfWeek.Saturday, 9, 12).InCategory(db, "food");
            var id = await listing.SaveAsync(db);
            var members = await db.Users.Where(u => u.Email == "first@stale.example.org" || u.Email == "second@stale.example.org").Select(u => u.Id).ToListAsync(Token);
            db.OrganizationMembers.AddRange(members.Select(m => new Core.Accounts.OrganizationMember { UserId = m, OrganizationId = listing.Service.OrganizationId }));
            await db.SaveChangesAsync(Token);
            return id;
        });

        // Both open the form; the second closes Saturdays and is approved first.
        var editUrl = $"/portal/services/{serviceId}/edit";
        var firstForm = await first.GetAsync(editUrl);
        var secondSent = await second.SubmitAsync(editUrl, f => f.Set("Form.Hours[1].Weekday", "").Set("Form.Hours[1].Opens", "").Set("Form.Hours[1].Closes", ""));
        Assert.Equal(HttpStatusCode.Redirect, secondSent.Status);
        var reviewUrl = "/admin/submissions/" + secondSent.Location!.Split('/')[^1];
        var review = await moderator.GetAsync(reviewUrl);
        var diff = Squeezed(review.Document.QuerySelector("table.diff")!.TextContent);
        Assert.True(diff.Contains("Saturday 9:00–12:00 closed", StringComparison.Ordinal), diff);
        Assert.Equal("/admin", (await moderator.PostAsync(review, reviewUrl, button: ("decision", "Approve"))).Location);

        // The first now sends their form, built on the old listing: refused, told what changed, text kept.
        var before = await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token));
        var refused = await first.PostAsync(firstForm, editUrl, f => f.Set("Form.Description", "We moved the pantry upstairs."));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("The listing changed while you were editing", refused.Text, StringComparison.Ordinal);
        Assert.Contains("Saturday: 9:00–12:00 → closed", Squeezed(refused.Text), StringComparison.Ordinal);
        Assert.Equal("We moved the pantry upstairs.", refused.Document.QuerySelector("textarea[name='Form.Description']")!.TextContent.Trim());
        Assert.Equal(before, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token)));

        // Having seen it, they can send again; the moderator's diff is against the listing as it is now.
        var resent = await first.PostAsync(refused, editUrl);
        Assert.Equal(HttpStatusCode.Redirect, resent.Status);
    }

    [Fact]
    public async Task A_form_with_wrong_values_comes_back_with_a_message_per_field_and_nothing_saved()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("typo@flow.example.org", "Typo");
        var organization = await app.WithDatabaseAsync(async db =>
        {
            var listing = new TestListing("Validation Pantry").InCategory(db, "food");
            await listing.SaveAsync(db);
            var user = await db.Users.Where(u => u.Email == "typo@flow.example.org").Select(u => u.Id).SingleAsync(Token);
            db.OrganizationMembers.Add(new Core.Accounts.OrganizationMember { UserId = user, OrganizationId = listing.Service.OrganizationId });
            await db.SaveChangesAsync(Token);
            return listing.Service.OrganizationId;
        });
        var before = await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token));
        var page = await editor.SubmitAsync($"/portal/services/new?organization={organization}", f => f
            .Set("Form.Name", "Half Right Pantry").Set("Form.Url", "javascript:alert(1)").Set("Form.Email", "not-an-email")
            .Set("Form.Phones[0].Number", "12")
            .Set("Form.Hours[0].Weekday", "Monday").Set("Form.Hours[0].Opens", "25:00").Set("Form.Hours[0].Closes", "17:00")
            .Set("Form.Hours[1].Kind", "1").Set("Form.Hours[1].From", "2026-12-26").Set("Form.Hours[1].To", "2026-12-24")
            .Set("Form.Places[0].Address1", "1 Main St").Set("Form.Places[0].Latitude", "-87.7").Set("Form.Places[0].Longitude", "41.9")
            .Set("Form.Areas[0].CommunityAreas", "Avondale, Atlantis"));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        string Problem(string field) => page.Document.QuerySelector($"[data-valmsg-for='{field}']")?.TextContent ?? "";
        Assert.Contains("Choose at least one category", Problem("Form.Categories"), StringComparison.Ordinal);
        Assert.Contains("https://", Problem("Form.Url"), StringComparison.Ordinal);
        Assert.Contains("email address", Problem("Form.Email"), StringComparison.Ordinal);
        Assert.Contains("“12” is not a phone number", Problem("Form.Phones[0].Number"), StringComparison.Ordinal);
        Assert.Contains("“25:00” is not a time", Problem("Form.Hours[0].Opens"), StringComparison.Ordinal);
        Assert.Contains("The last date is before the first date", Problem("Form.Hours[1]"), StringComparison.Ordinal);
        Assert.Contains("not swapped", Problem("Form.Places[0].Latitude"), StringComparison.Ordinal);
        Assert.Contains("“Atlantis” is not a Chicago community area", Problem("Form.Areas[0].CommunityAreas"), StringComparison.Ordinal);
        Assert.Contains("Name the area served", Problem("Form.Areas[0].Name"), StringComparison.Ordinal);
        // What was typed stays in the form.
        Assert.Equal("Half Right Pantry", page.Document.QuerySelector("input[name='Form.Name']")!.GetAttribute("value"));
        Assert.Equal("25:00", page.Document.QuerySelector("input[name='Form.Hours[0].Opens']")!.GetAttribute("value"));
        Assert.Equal(before, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token)));

        // Texts longer than their columns are refused here, not at the moderator's approval.
        var tooLong = await editor.SubmitAsync($"/portal/services/new?organization={organization}", f => f
            .Set("Form.Name", "Long City Pantry").Add("Form.Categories", "food")
            .Set("Form.Places[0].Address1", "1 Main St").Set("Form.Places[0].City", new string('c', 101))
            .Set("Form.Hours[0].Weekday", "Monday").Set("Form.Hours[0].Opens", "09:00").Set("Form.Hours[0].Closes", "12:00").Set("Form.Hours[0].Description", new string('d', 301)));
        Assert.Equal(HttpStatusCode.OK, tooLong.Status);
        Assert.Contains("Keep this under 100 characters", tooLong.Document.QuerySelector("[data-valmsg-for='Form.Places[0].City']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Keep this under 300 characters", tooLong.Document.QuerySelector("[data-valmsg-for='Form.Hours[0].Description']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token)));
    }

    [Fact]
    public async Task A_tampered_edit_form_is_refused_with_a_message_not_an_error()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("tamper@flow.example.org", "Tam");
        var serviceId = await app.WithDatabaseAsync(async db =>
        {
            var listing = new TestListing("Tampered Pantry").InCategory(db, "food");
            var id = await listing.SaveAsync(db);
            var user = await db.Users.Where(u => u.Email == "tamper@flow.example.org").Select(u => u.Id).SingleAsync(Token);
            db.OrganizationMembers.Add(new Core.Accounts.OrganizationMember { UserId = user, OrganizationId = listing.Service.OrganizationId });
            await db.SaveChangesAsync(Token);
            return id;
        });
        foreach (var tampered in new[] { "{\"name\":\"x\"", "null", "{\"name\":\"x\",\"phones\":null}" })
        {
            var page = await editor.SubmitAsync($"/portal/services/{serviceId}/edit", f => f.Set("Form.BaseSnapshot", tampered));
            Assert.Equal(HttpStatusCode.Conflict, page.Status);
            Assert.Contains("open the listing's edit form again", page.Text, StringComparison.Ordinal);
        }
    }

    private async Task<string> ResidentSearchAsync(string words)
    {
        using var resident = app.CreateClient();
        return await resident.GetStringAsync($"/en/search?q={words}", Token);
    }

    private static string Squeezed(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("href=\"/en/service/([0-9a-f-]{36})\"")]
    private static partial Regex ServiceLink();
}
