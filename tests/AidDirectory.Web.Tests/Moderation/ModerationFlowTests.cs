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

    private async Task<string> ResidentSearchAsync(string words)
    {
        using var resident = app.CreateClient();
        return await resident.GetStringAsync($"/en/search?q={words}", Token);
    }

    [GeneratedRegex("href=\"/en/service/([0-9a-f-]{36})\"")]
    private static partial Regex ServiceLink();
}
