using System.Net;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Tests.Moderation;

/// <summary>
/// A drawn service area counts as "here" for every place it covers, so it is checked where it is typed
/// (a readable polygon inside the city), and an approval can never fail on one stored before the check.
/// </summary>
public sealed class DrawnAreaTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private const string World = "POLYGON ((-180 -90, 180 -90, 180 90, -180 90, -180 -90))";

    private async Task<(StaffSession Editor, string NewListing)> EditorAsync(string email)
    {
        var editor = new StaffSession(app);
        var organization = await editor.RegisterForNewOrganizationAsync(email, "Drew", "food");
        return (editor, $"/portal/services/new?organization={organization}");
    }

    private static void Fill(StaffSession.FormFields f, string extent) => f
        .Set("Form.Name", "Drawn Delivery").Add("Form.Categories", "food")
        .Set("Form.Areas[0].Name", "Everywhere").Set("Form.Areas[0].ExtentWkt", extent);

    [Fact]
    public async Task A_world_sized_drawing_is_refused_in_the_form_and_nothing_is_saved()
    {
        var (editor, url) = await EditorAsync("drew@world.example.org");
        var before = await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token));
        var page = await editor.SubmitAsync(url, f => Fill(f, World));
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains("reaches outside the city", page.Document.QuerySelector("[data-valmsg-for='Form.Areas[0].ExtentWkt']")?.TextContent ?? page.Text, StringComparison.Ordinal);
        Assert.Equal(before, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(Token)));
    }

    [Fact]
    public async Task Approving_a_stored_drawing_that_is_not_wkt_is_refused_with_a_reason_not_an_error()
    {
        var (editor, url) = await EditorAsync("drew@stored.example.org");
        var sent = await editor.SubmitAsync(url, f => Fill(f, "POLYGON ((-87.72 41.84, -87.70 41.84, -87.70 41.86, -87.72 41.86, -87.72 41.84))"));
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.Text);
        var submissionId = Guid.Parse(sent.Location!.Split('/')[^1]);
        // As a submission stored before extents were checked would be.
        await app.WithDatabaseAsync(async db =>
        {
            var submission = await db.Submissions.SingleAsync(s => s.Id == submissionId, Token);
            var draft = Snapshots.Read<ServiceDraft>(submission.Snapshot);
            var broken = Snapshots.Write(draft with { ServiceAreas = [draft.ServiceAreas[0] with { ExtentWkt = "POLYGON ((-87.72 41.84, -87.70" }] });
            return await db.Submissions.Where(s => s.Id == submissionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Snapshot, broken), Token);
        });

        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("mod@stored.example.org");
        var reviewUrl = $"/admin/submissions/{submissionId}";
        var review = await moderator.GetAsync(reviewUrl);
        var decided = await moderator.PostAsync(review, reviewUrl, button: ("decision", "Approve"));
        Assert.True((int)decided.Status < 500, $"{decided.Status}: {decided.Text}");
        Assert.Contains("cannot be read", decided.Text, StringComparison.Ordinal);
        var state = await app.WithDatabaseAsync(db => db.Submissions.Where(s => s.Id == submissionId).Select(s => s.State).SingleAsync(Token));
        Assert.Equal(SubmissionState.Pending, state);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Services.CountAsync(s => s.Name == "Drawn Delivery", Token)));
    }

    [Fact]
    public async Task The_moderator_sees_a_drawn_area_on_the_city_map_before_deciding()
    {
        var (editor, url) = await EditorAsync("drew@map.example.org");
        var sent = await editor.SubmitAsync(url, f => Fill(f, "POLYGON ((-87.72 41.84, -87.70 41.84, -87.70 41.86, -87.72 41.86, -87.72 41.84))"));
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.Text);
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("mod@map.example.org");
        var reviewUrl = "/admin/submissions/" + sent.Location!.Split('/')[^1];
        var review = await moderator.GetAsync(reviewUrl);
        var image = review.Document.QuerySelector("figure.drawn-area img");
        Assert.NotNull(image);
        Assert.Contains("Everywhere", image.GetAttribute("alt"), StringComparison.Ordinal);

        var png = await moderator.Client.GetAsync(reviewUrl + image.GetAttribute("src"), Token);
        Assert.Equal(HttpStatusCode.OK, png.StatusCode);
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var bytes = await png.Content.ReadAsByteArrayAsync(Token);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes.Take(4));
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.Client.GetAsync(reviewUrl + "?handler=AreaMap&area=5", Token)).StatusCode);
        var anonymous = await app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }).GetAsync(reviewUrl + "?handler=AreaMap&area=0", Token);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode); // to sign-in: staff only
        Assert.Contains("/portal/account/login", anonymous.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
