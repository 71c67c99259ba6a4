using System.Net;
using System.Text.RegularExpressions;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Moderation;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>
/// Issue 13, finding 1: a handful of reports from one network could mark a listing "may be closed", and a
/// flood could stop every resident in the city from reporting. Each test here plays residents at their own
/// addresses (<see cref="DirectoryApp.TestClientAddress"/>) and moves the app's clock.
/// </summary>
public sealed partial class ReportFloodTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private const string Warning = "Residents reported this may be closed";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Three_hundred_reports_from_sixty_addresses_in_one_network_raise_no_warning_and_a_resident_elsewhere_can_still_report()
    {
        var flooded = await ListingAsync("Flooded Qvzrw Pantry");
        var elsewhere = await ListingAsync("Quiet Qvzrw Kitchen");
        var flooders = Enumerable.Range(1, 60).Select(i => Resident($"100.64.7.{i}")).ToList();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 300; i++)
        {
            answers.Add((await ReportAsync(flooders[i % 60], flooded, "Closed", $"flood {i}")).StatusCode);
        }

        Assert.Contains(HttpStatusCode.Redirect, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[^1]);
        var listing = await PageAsync(flooded);
        Assert.Contains("Flooded Qvzrw Pantry", listing, StringComparison.Ordinal);
        Assert.DoesNotContain(Warning, listing, StringComparison.Ordinal);
        Assert.Null(await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == flooded).Select(s => s.ReportedClosedAt).SingleAsync(Token)));
        // The flood reached moderators, but as a handful of items, not three hundred.
        var items = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.ServiceId == flooded && s.State == SubmissionState.Pending).Select(s => s.Title).ToListAsync(Token));
        Assert.InRange(items.Count, 1, 6);

        using var resident = Resident("192.0.2.9");
        Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(resident, elsewhere, "WrongPhone", "Disconnected.")).StatusCode);
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.ServiceId == elsewhere, Token)));
        flooders.ForEach(f => f.Dispose());
    }

    [Fact]
    public async Task Closed_reports_warn_only_from_enough_networks_spread_over_hours()
    {
        var serviceId = await ListingAsync("Spread Wqzvx Pantry");
        foreach (var address in new[] { "198.51.100.7", "192.0.2.40", "2001:db8:77::1" })
        {
            using var resident = Resident(address);
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(resident, serviceId, "Closed", null)).StatusCode);
        }

        // Three networks within minutes could be one person with a phone, a laptop and a neighbour's Wi-Fi.
        Assert.DoesNotContain(Warning, await PageAsync(serviceId), StringComparison.Ordinal);

        app.Clock.Advance(TimeSpan.FromHours(7));
        using (var later = Resident("203.0.113.77"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(later, serviceId, "Closed", "Still locked.")).StatusCode);
        }

        Assert.Contains(Warning, await PageAsync(serviceId), StringComparison.Ordinal);
        Assert.NotNull(await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == serviceId).Select(s => s.ReportedClosedAt).SingleAsync(Token)));
    }

    [Fact]
    public async Task A_form_token_is_good_for_one_report()
    {
        var serviceId = await ListingAsync("Once Only Pantry");
        using var resident = Resident("198.51.100.200");
        var token = await TokenAsync(resident, serviceId);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(resident, serviceId, token, "Closed", "en")).StatusCode);

        var again = await PostAsync(resident, serviceId, token, "Closed", "en");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("This report was already sent.", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        var enSpanol = await PostAsync(resident, serviceId, token, "Closed", "es");
        Assert.Equal(HttpStatusCode.Conflict, enSpanol.StatusCode);
        Assert.Contains("Este reporte ya fue enviado.", WebUtility.HtmlDecode(await enSpanol.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.ServiceId == serviceId, Token)));
    }

    [Fact]
    public async Task Every_address_in_one_IPv6_slash_64_is_one_reporter()
    {
        var closed = await ListingAsync("Slash Sixtyfour Pantry");
        for (var i = 1; i <= 3; i++)
        {
            using var resident = Resident($"2001:db8:64:64::{i:x}");
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(resident, closed, "Closed", null)).StatusCode);
            app.Clock.Advance(TimeSpan.FromHours(4));
        }

        Assert.Contains("Slash Sixtyfour Pantry", await PageAsync(closed), StringComparison.Ordinal);
        Assert.DoesNotContain(Warning, await PageAsync(closed), StringComparison.Ordinal);

        // Five reports an hour count for the whole /64, however many of its addresses send them.
        var other = await ListingAsync("Slash Sixtyfour Kitchen");
        for (var i = 0; i < 6; i++)
        {
            using var resident = Resident($"2001:db8:64:66:{i + 1:x}::9");
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(resident, other, "Other", $"note {i}")).StatusCode);
        }

        var titles = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.ServiceId == other).Select(s => s.Title).ToListAsync(Token));
        Assert.Equal(6, titles.Count);
        Assert.Single(titles, t => t.Contains("over the hourly limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_network_tag_and_its_key_are_forgotten_once_the_report_leaves_the_window()
    {
        var serviceId = await ListingAsync("Forgotten Tag Pantry");
        using (var resident = Resident("100.64.9.31"))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await ReportAsync(resident, serviceId, "Closed", null)).StatusCode);
        }

        var (fresh, keyDay) = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.ServiceId == serviceId && s.Kind == SubmissionKind.ResidentReport)
            .Select(s => ValueTuple.Create(s.ReporterTag, s.ReporterKeyDay)).SingleAsync(Token));
        Assert.InRange(fresh ?? -1, 0, 4095);
        Assert.True(await app.WithDatabaseAsync(db => db.ReportKeys.AnyAsync(k => k.StartDay == keyDay, Token)));

        // A report from two key periods ago (the window is 14 days), as it would have been stored then.
        var oldDay = keyDay!.Value - 28;
        var old = await app.WithDatabaseAsync(async db =>
        {
            var organization = await db.Services.Where(s => s.Id == serviceId).Select(s => s.OrganizationId).SingleAsync(Token);
            var report = new Submission
            {
                Id = Guid.NewGuid(), Kind = SubmissionKind.ResidentReport, OrganizationId = organization, ServiceId = serviceId,
                Title = "Closed: Forgotten Tag Pantry", Snapshot = "{\"reason\":\"Closed\",\"text\":null}", ReportReason = ReportReason.Closed,
                ReporterTag = 1234, ReporterKeyDay = oldDay,
                SubmittedAt = NodaTime.Instant.FromDateTimeOffset(app.Clock.GetUtcNow()) - NodaTime.Duration.FromDays(20),
            };
            db.Submissions.Add(report);
            db.ReportKeys.Add(new ReportKey { StartDay = oldDay, Secret = new byte[ReportKey.SecretLength] });
            await db.SaveChangesAsync(Token);
            return report.Id;
        });

        // The hourly chore (HourlySweepTests runs it through the hosted sweep) wipes the old report's tag and deletes the key no tag uses any more.
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ReporterNetworks>().ForgetAsync(NodaTime.Instant.FromDateTimeOffset(app.Clock.GetUtcNow()), Token);
        }

        var (oldTag, oldKey, freshTag) = await app.WithDatabaseAsync(async db => (
            await db.Submissions.Where(s => s.Id == old).Select(s => s.ReporterTag).SingleAsync(Token),
            await db.ReportKeys.AnyAsync(k => k.StartDay == oldDay, Token),
            await db.Submissions.Where(s => s.ServiceId == serviceId && s.Id != old && s.Kind == SubmissionKind.ResidentReport).Select(s => s.ReporterTag).SingleAsync(Token)));
        Assert.Equal((null, false, fresh), (oldTag, oldKey, freshTag));
    }

    private HttpClient Resident(string address)
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        client.DefaultRequestHeaders.Add(DirectoryApp.TestClientAddress.Header, address);
        return client;
    }

    // Lets the search index catch up first, as the poller would within seconds: the listing page is served from it.
    private async Task<string> PageAsync(Guid serviceId)
    {
        await app.WithDatabaseAsync(_ => Task.FromResult(0));
        using var reader = Resident("192.0.2.250");
        return WebUtility.HtmlDecode(await reader.GetStringAsync($"/en/service/{serviceId}", Token));
    }

    private static async Task<HttpResponseMessage> ReportAsync(HttpClient resident, Guid serviceId, string reason, string? text) =>
        await PostAsync(resident, serviceId, await TokenAsync(resident, serviceId), reason, "en", text);

    private static async Task<string> TokenAsync(HttpClient resident, Guid serviceId)
    {
        var html = await resident.GetStringAsync($"/en/service/{serviceId}", Token);
        var token = FormToken().Match(html).Groups[1].Value;
        Assert.NotEmpty(token);
        return token;
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient resident, Guid serviceId, string token, string reason, string lang, string? text = null)
    {
        using var form = new FormUrlEncodedContent([new("Token", token), new("Reason", reason), new("Details", text ?? "")]);
        return await resident.PostAsync($"/{lang}/service/{serviceId}/report", form, Token);
    }

    private Task<Guid> ListingAsync(string name) => app.WithDatabaseAsync(db => new TestListing(name).InCategory(db, "food").SaveAsync(db));

    [GeneratedRegex("name=\"Token\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
