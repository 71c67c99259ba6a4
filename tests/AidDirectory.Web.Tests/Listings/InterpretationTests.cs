using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Listings;

/// <summary>
/// "Interpretation on request, and in which languages", end to end: the portal's form, the moderator's
/// diff, the listing page and the search filter. Unknown is never read as "no".
/// </summary>
public sealed class InterpretationTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_editor_states_interpretation_a_moderator_sees_it_and_residents_read_it()
    {
        var editor = new StaffSession(app);
        var organization = await editor.RegisterForNewOrganizationAsync("interp@flow.example.org", "Ina", "legal");
        var moderator = new StaffSession(app);
        await moderator.SetUpAdministratorAsync("mod@interp.example.org");
        var url = $"/portal/services/new?organization={organization}";
        void Fill(StaffSession.FormFields f, string interpretation, string languages) => f
            .Set("Form.Name", "Quetzal Legal Clinic").Add("Form.Categories", "legal")
            .Set("Form.InterpretationOnRequest", interpretation).Set("Form.InterpretationLanguages", languages)
            .Set("Form.Places[0].Address1", "2700 S Millard Ave").Set("Form.Places[0].PostalCode", "60623");

        var wrong = await editor.SubmitAsync(url, f => Fill(f, "true", "pl, p0lish"));
        Assert.Equal(HttpStatusCode.OK, wrong.Status);
        Assert.Contains("\"p0lish\" is not a language code", wrong.Document.QuerySelector("[data-valmsg-for='Form.InterpretationLanguages']")!.TextContent, StringComparison.Ordinal);
        var withoutYes = await editor.SubmitAsync(url, f => Fill(f, "", "pl"));
        Assert.Contains("choose it, or clear the languages", withoutYes.Document.QuerySelector("[data-valmsg-for='Form.InterpretationLanguages']")!.TextContent, StringComparison.Ordinal);

        var sent = await editor.SubmitAsync(url, f => Fill(f, "true", "pl, ar"));
        Assert.True(sent.Status == HttpStatusCode.Redirect, sent.Text);
        var reviewUrl = "/admin/submissions/" + sent.Location!.Split('/')[^1];
        var review = await moderator.GetAsync(reviewUrl);
        Assert.Contains("Interpretation on request", review.Text, StringComparison.Ordinal);
        Assert.Contains("ar, pl", review.Text, StringComparison.Ordinal);
        Assert.Equal("/admin", (await moderator.PostAsync(review, reviewUrl, button: ("decision", "Approve"))).Location);
        await app.Services.GetRequiredService<SearchIndexFeed>().CatchUpAsync(Token);

        var api = await app.CreateClient().GetFromJsonAsync<JsonElement>("/api/v1/services?q=quetzal", Token);
        var id = api.GetProperty("items")[0].GetProperty("id").GetString();
        var page = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync($"/es/service/{id}", Token));
        Assert.Contains("Intérprete si lo pide", page, StringComparison.Ordinal);
        Assert.Contains("Sí: Polski, العربية", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_filter_finds_interpretation_in_the_language_asked_or_in_any_language_and_never_the_unknown()
    {
        var (polish, anyLanguage, spanishOnly, unknown) = await app.WithDatabaseAsync(async db =>
        {
            var p = new TestListing("Vireo Polish Interpretation");
            p.Service.InterpretationOnRequest = true;
            p.Service.InterpretationLanguages = ["pl"];
            var a = new TestListing("Vireo Any Interpretation");
            a.Service.InterpretationOnRequest = true;
            var s = new TestListing("Vireo Spanish Interpretation");
            s.Service.InterpretationOnRequest = true;
            s.Service.InterpretationLanguages = ["es"];
            var u = new TestListing("Vireo Unknown Interpretation");
            return (await p.SaveAsync(db), await a.SaveAsync(db), await s.SaveAsync(db), await u.SaveAsync(db));
        });
        var client = app.CreateClient();
        async Task<List<Guid>> Ids(string query) => (await client.GetFromJsonAsync<JsonElement>($"/api/v1/services?q=vireo{query}", Token))
            .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();

        Assert.Equal(4, (await Ids("")).Count);
        var inPolish = await Ids("&interpretation=pl");
        Assert.Equal(new[] { anyLanguage, polish }.Order(), inPolish.Order());
        Assert.DoesNotContain(spanishOnly, inPolish);
        Assert.DoesNotContain(unknown, inPolish);
        Assert.Equal(new[] { anyLanguage, spanishOnly }.Order(), (await Ids("&interpretation=ES")).Order());

        var bad = await client.GetAsync("/api/v1/services?interpretation=p1", Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>(Token);
        Assert.Contains("\"interpretation\" must be a language code", problem.GetProperty("errors").GetProperty("interpretation")[0].GetString(), StringComparison.Ordinal);
        var html = await client.GetStringAsync("/en/search?q=vireo&interpretation=pl", Token);
        Assert.Contains("<option value=\"pl\" lang=\"pl\" selected=\"selected\">Polski</option>", html, StringComparison.Ordinal);
    }
}
