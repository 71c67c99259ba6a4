using System.Net;
using System.Text.Json;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>Residents' reports: no account, no cookie, nothing about them kept; enough "closed" reports warn residents; moderators settle them.</summary>
public sealed class ResidentReportTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private const string Agent = "ReportTestAgent/1.0 (unique-fingerprint-7731)";

    private static readonly string[] Traces = ["unique-fingerprint-7731", "198.18.", "localhost"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_report_sets_no_cookie_and_stores_only_the_reason_and_the_words()
    {
        var serviceId = await ListingAsync("Reported Wrong Phone Pantry");
        var resident = Resident();
        var (page, sent) = await ReportAsync(resident, serviceId, "WrongPhone", "The number rings a fax.");
        Assert.False(page.Headers.Contains("Set-Cookie"));
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal($"/en/service/{serviceId}?reported=true", sent.Headers.Location?.OriginalString);
        Assert.False(sent.Headers.Contains("Set-Cookie"));
        var thanks = await resident.GetStringAsync(sent.Headers.Location, Token);
        Assert.Contains("Thank you. A moderator will check this listing.", thanks, StringComparison.Ordinal);

        var (stored, trail) = await app.WithDatabaseAsync(async db => (
            await db.Submissions.AsNoTracking().SingleAsync(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.ResidentReport, Token),
            await db.AuditEntries.AsNoTracking().Where(a => a.Reason != null && a.Reason.StartsWith("ResidentReport")).ToListAsync(Token)));
        Assert.Equal("{\"reason\":\"WrongPhone\",\"text\":\"The number rings a fax.\"}", stored.Snapshot);
        Assert.Equal((Guid.Empty, null, null, null), (stored.SubmittedById, stored.ContactName, stored.ContactEmail, stored.ContactPhone));
        Assert.All(trail, a => Assert.Null(a.ActorId));
        var everything = JsonSerializer.Serialize(new { stored, trail });
        foreach (var trace in Traces)
        {
            Assert.DoesNotContain(trace, everything, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_wrong_report_comes_back_with_a_message_and_the_words_kept()
    {
        var serviceId = await ListingAsync("Half Reported Pantry");
        var resident = Resident();
        var (_, noReason) = await ReportAsync(resident, serviceId, null, "Closed since June?");
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var html = WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync(Token));
        Assert.Contains("Choose what is wrong.", html, StringComparison.Ordinal);
        Assert.Contains("Closed since June?</textarea>", html, StringComparison.Ordinal);

        var (_, tooLong) = await ReportAsync(resident, serviceId, "Other", new string('a', 501));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        using var forged = new FormUrlEncodedContent([new("Reason", "Closed"), new("Token", "forged")]);
        var noToken = await resident.PostAsync($"/en/service/{serviceId}/report", forged, Token);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("open too long", await noToken.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.ServiceId == serviceId, Token)));
    }

    [Fact]
    public async Task Closed_reports_from_three_networks_hours_apart_warn_residents_until_a_moderator_marks_it_temporarily_closed()
    {
        var serviceId = await ListingAsync("Maybe Closed Zqxjk Pantry");
        for (var i = 0; i < 2; i++)
        {
            await ReportAsync(Resident(), serviceId, "Closed", null);
        }

        using var reader = Resident();
        Assert.DoesNotContain("may be closed", await reader.GetStringAsync($"/en/service/{serviceId}", Token), StringComparison.Ordinal);
        app.Clock.Advance(TimeSpan.FromHours(7));
        await ReportAsync(Resident(), serviceId, "Closed", "Doors locked, sign gone.");
        await app.WithDatabaseAsync(_ => Task.FromResult(0));
        Assert.Contains("Residents reported this may be closed — call before you go.", WebUtility.HtmlDecode(await reader.GetStringAsync($"/en/service/{serviceId}", Token)), StringComparison.Ordinal);
        Assert.Contains("may be closed: call first", await reader.GetStringAsync("/en/search?q=Zqxjk", Token), StringComparison.Ordinal);

        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("mod@reports.example.org");
        var queue = await moderator.GetAsync("/admin?kind=ResidentReport");
        var first = queue.Document.QuerySelectorAll("tr[data-submission]").First(r => r.TextContent.Contains("Maybe Closed Zqxjk", StringComparison.Ordinal)).GetAttribute("data-submission");
        var url = $"/admin/submissions/{first}";
        var others = (await moderator.GetAsync(url)).Document.QuerySelectorAll("[data-other-reports] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, others.Count(text => text.Contains("settled together", StringComparison.Ordinal)));
        Assert.Contains(others, text => text.Contains("Doors locked, sign gone.", StringComparison.Ordinal) || text.Contains("(nothing added)", StringComparison.Ordinal));
        var settled = await moderator.SubmitAsync(url, f => f.Set("Message", "Roof repair"), "main form[method=post]", ("outcome", "MarkTemporarilyClosed"));
        Assert.Equal("/admin", settled.Location);

        await app.WithDatabaseAsync(_ => Task.FromResult(0));
        var listing = WebUtility.HtmlDecode(await reader.GetStringAsync($"/en/service/{serviceId}", Token));
        Assert.DoesNotContain("Residents reported this may be closed", listing, StringComparison.Ordinal);
        Assert.Contains("Roof repair", listing, StringComparison.Ordinal);
        var (status, pending) = await app.WithDatabaseAsync(async db => (
            await db.Services.Where(s => s.Id == serviceId).Select(s => s.Status).SingleAsync(Token),
            await db.Submissions.CountAsync(s => s.ServiceId == serviceId && s.State == SubmissionState.Pending, Token)));
        Assert.Equal((ServiceStatus.TemporarilyClosed, 0), (status, pending));
    }

    [Fact]
    public async Task Asking_the_organization_reaches_its_editors_dashboard_and_nobody_is_asked_when_it_has_none()
    {
        var serviceId = await ListingAsync("Ask The Org Pantry");
        await ReportAsync(Resident(), serviceId, "WrongHours", "Closed Mondays now.");
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("asker@reports.example.org");
        var report = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.ServiceId == serviceId).Select(s => s.Id).SingleAsync(Token));
        var refused = await moderator.SubmitAsync($"/admin/submissions/{report}", button: ("outcome", "AskOrganization"));
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Nobody speaks for this organization", refused.Text, StringComparison.Ordinal);

        var editor = new StaffSession(app);
        await editor.RegisterAsync("editor@reports.example.org", "Ed");
        await app.WithDatabaseAsync(async db =>
        {
            var user = await db.Users.Where(u => u.Email == "editor@reports.example.org").Select(u => u.Id).SingleAsync(Token);
            var organization = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganizationId).SingleAsync(Token);
            db.OrganizationMembers.Add(new OrganizationMember { UserId = user, OrganizationId = organization });
            return await db.SaveChangesAsync(Token);
        });
        Assert.Equal("/admin", (await moderator.SubmitAsync($"/admin/submissions/{report}", f => f.Set("Message", "Mondays?"), button: ("outcome", "AskOrganization"))).Location);
        var dashboard = await editor.GetAsync("/portal");
        Assert.Contains("Please check your listing “Ask The Org Pantry”", dashboard.Text, StringComparison.Ordinal);
        Assert.Contains("The moderator writes: Mondays?", dashboard.Text, StringComparison.Ordinal);
        // What the resident wrote is for moderators only; the organization never sees the report itself.
        Assert.DoesNotContain("Closed Mondays now.", dashboard.Text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync($"/portal/submissions/{report}")).Status);
    }

    [Fact]
    public async Task A_flood_from_one_network_counts_five_reports_joins_the_rest_into_one_marked_item_and_is_refused_above_the_ceiling()
    {
        var serviceId = await ListingAsync("Flooded Pantry");
        using var flooder = Resident();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 31; i++)
        {
            answers.Add((await ReportAsync(flooder, serviceId, "Other", $"spam {i}")).Sent.StatusCode);
        }

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Redirect, 30), HttpStatusCode.TooManyRequests], answers);
        var items = await app.WithDatabaseAsync(db => db.Submissions.AsNoTracking().Where(s => s.ServiceId == serviceId).OrderBy(s => s.SubmittedAt).ToListAsync(Token));
        Assert.Equal(6, items.Count);
        Assert.All(items.Take(5), s => Assert.False(s.OverLimit));
        var marked = Assert.Single(items, s => s.OverLimit);
        Assert.Equal((24, null, null), (marked.JoinedReports, marked.ReporterTag, marked.ReporterKeyDay));

        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("flood@reports.example.org");
        var queue = await moderator.GetAsync("/admin?kind=ResidentReport");
        Assert.Contains(queue.Document.QuerySelectorAll("tr[data-submission]"), r => r.TextContent.Contains("Other (over the hourly limit): Flooded Pantry", StringComparison.Ordinal));
        var review = await moderator.GetAsync($"/admin/submissions/{marked.Id}");
        Assert.Contains("24 more over-limit report(s)", review.Document.QuerySelector("[data-over-limit]")?.TextContent ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Behind_a_proxy_on_this_machine_each_resident_has_a_limit_of_their_own()
    {
        var serviceId = await ListingAsync("Proxied Pantry");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            using var resident = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
            resident.DefaultRequestHeaders.Add(DirectoryApp.TestClientAddress.Header, "127.0.0.1");
            resident.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            answers.Add((await ReportAsync(resident, serviceId, "Other", $"via proxy {i}")).Sent.StatusCode);
        }

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Redirect, a));
    }

    private static int _clients;

    private HttpClient Resident()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Agent);
        // Each resident on a network of their own (a /24 each), as residents of different households are.
        client.DefaultRequestHeaders.Add(DirectoryApp.TestClientAddress.Header, $"198.18.{Interlocked.Increment(ref _clients)}.7");
        return client;
    }

    // Opens the listing like a resident, reads the report form's token from it, and sends the form.
    private static async Task<(HttpResponseMessage Page, HttpResponseMessage Sent)> ReportAsync(HttpClient resident, Guid serviceId, string? reason, string? text)
    {
        var page = await resident.GetAsync($"/en/service/{serviceId}", Token);
        var html = await page.Content.ReadAsStringAsync(Token);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"Token\" value=\"([^\"]+)\"").Groups[1].Value;
        Assert.NotEmpty(token);
        var fields = new List<KeyValuePair<string, string>> { new("Token", token), new("Details", text ?? "") };
        if (reason is not null)
        {
            fields.Add(new("Reason", reason));
        }

        using var form = new FormUrlEncodedContent(fields);
        return (page, await resident.PostAsync($"/en/service/{serviceId}/report", form, Token));
    }

    private Task<Guid> ListingAsync(string name) => app.WithDatabaseAsync(db => new TestListing(name).InCategory(db, "food").SaveAsync(db));
}
