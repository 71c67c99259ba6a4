using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>
/// Requests no browser of ours sends (another HTTP method, the error page asked for directly, a NUL in a form,
/// a broken multipart body) get a 4xx that says what happened, never a 500, nothing saved and no stack trace logged.
/// </summary>
public sealed partial class BadRequestTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("PATCH", "/en/", "GET, HEAD", "This page cannot do that")]
    [InlineData("PUT", "/es/", "GET, HEAD", "Esta página no puede hacer eso")]
    [InlineData("DELETE", "/en/category/food", "GET, HEAD", "This page cannot do that")]
    [InlineData("PATCH", "/en/service/00000000-0000-0000-0000-000000000001/report", "GET, HEAD, POST", "This page cannot do that")]
    [InlineData("DELETE", "/portal/account/login", "GET, HEAD, POST", "This page cannot do that")]
    public async Task Another_method_on_a_page_is_a_405_that_names_the_methods_it_takes(string method, string url, string allowed, string message)
    {
        var (response, logs) = await SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(allowed, string.Join(", ", response.Content.Headers.Allow));
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        AssertLoggedCleanly(logs, 405);
    }

    [Fact]
    public async Task Another_method_on_the_api_is_a_405_problem()
    {
        var (response, logs) = await SendAsync(new HttpRequestMessage(HttpMethod.Put, "/api/v1/services"));
        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal("GET", string.Join(", ", response.Content.Headers.Allow));
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ProblemDetails>(Token);
        Assert.Equal(405, problem?.Status);
        AssertLoggedCleanly(logs, 405);
    }

    [Theory]
    [InlineData("GET", "/error")]
    [InlineData("GET", "/error?status=abc")]
    [InlineData("GET", "/error?status=500")]
    [InlineData("PATCH", "/error")]
    public async Task The_error_page_asked_for_directly_is_not_a_page(string method, string url)
    {
        var (response, logs) = await SendAsync(new HttpRequestMessage(new HttpMethod(method), url));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("We could not find this page", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        AssertLoggedCleanly(logs, 404);
    }

    [Theory]
    [InlineData("es", "El formulario o la dirección tenía un carácter que no podemos aceptar")]
    [InlineData("en", "The form or the address had a character we cannot accept")]
    public async Task A_nul_in_a_report_is_a_400_in_the_readers_language_and_nothing_is_saved(string lang, string message)
    {
        var serviceId = await app.WithDatabaseAsync(db => new TestListing($"Nul Report Pantry {lang}").InCategory(db, "food").SaveAsync(db));
        var client = app.ResidentClient();
        var page = await client.GetStringAsync($"/{lang}/service/{serviceId}", Token);
        var token = FormToken().Match(page).Groups[1].Value;
        Assert.NotEmpty(token);

        using var form = new FormUrlEncodedContent([new("Token", token), new("Reason", "Closed"), new("Details", "Closed\0since June")]);
        var (response, logs) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, $"/{lang}/service/{serviceId}/report") { Content = form }, client);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)), StringComparison.Ordinal);
        AssertLoggedCleanly(logs, 400);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.ServiceId == serviceId, Token)));
    }

    [Fact]
    public async Task A_nul_in_the_sign_in_form_is_a_400()
    {
        var staff = new StaffSession(app);
        var before = app.Logs.GetSnapshot().Count;
        var answer = await staff.SubmitAsync("/portal/account/login", f => f.Set("Email", "someone\0@example.org").Set("Password", StaffSession.Password));
        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Contains("We could not read what you sent", answer.Text, StringComparison.Ordinal);
        AssertLoggedCleanly(app.Logs.GetSnapshot().Skip(before).ToList(), 400);
    }

    [Fact]
    public async Task A_nul_in_a_query_string_is_a_400()
    {
        var (response, logs) = await SendAsync(new HttpRequestMessage(HttpMethod.Get, "/en/search?q=food%00"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not read what you sent", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        AssertLoggedCleanly(logs, 400);
    }

    // Found by RequestFuzzTests: MVC reads field names the jQuery way (a[b] is a.b) and threw on a '[' never closed.
    [Theory]
    [InlineData("POST", "/portal/account/login", "a[b=1&Email=x%40example.org")]
    [InlineData("POST", "/en/service/00000000-0000-0000-0000-000000000001/report", "Reason=Closed&x[0=1")]
    [InlineData("GET", "/en/search?q=food&a[b]c[=1", null)]
    public async Task A_field_name_with_an_unclosed_bracket_is_a_400(string method, string url, string? form)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (form is not null)
        {
            request.Content = new StringContent(form, Encoding.ASCII, "application/x-www-form-urlencoded");
        }

        var (response, logs) = await SendAsync(request);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("We could not read what you sent", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        AssertLoggedCleanly(logs, 400);
    }

    // Found by RequestFuzzTests: the checkbox tag helper re-read a posted "maybe" as a bool and threw while drawing the form again.
    [Fact]
    public async Task A_checkbox_posted_with_a_value_that_is_no_bool_shows_the_form_again()
    {
        var editor = new StaffSession(app);
        var organizationId = await editor.RegisterForNewOrganizationAsync("checkbox-editor@example.org", "Checkbox Editor", "food");
        var serviceId = await app.WithDatabaseAsync(db => db.Services.Where(s => s.OrganizationId == organizationId).Select(s => s.Id).SingleAsync(Token));
        var answer = await editor.SubmitAsync($"/portal/services/{serviceId}/edit", f => f.Set("Form.DeliveryAvailable", "maybe").Set("Form.Places[0].Remove", "%FF"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Contains("Delivers to people's homes", answer.Text, StringComparison.Ordinal);
    }

    // Found by RequestFuzzTests: a translation row posted without its language code made the form throw while drawn again.
    [Fact]
    public async Task A_translation_posted_without_its_language_shows_the_form_again()
    {
        var editor = new StaffSession(app);
        var organizationId = await editor.RegisterForNewOrganizationAsync("translation-editor@example.org", "Translation Editor", "food");
        var serviceId = await app.WithDatabaseAsync(db => db.Services.Where(s => s.OrganizationId == organizationId).Select(s => s.Id).SingleAsync(Token));
        var answer = await editor.SubmitAsync($"/portal/services/{serviceId}/edit", f => f.Set("Form.Translations[0].Language", "").Set("Form.Url", "not a url"));
        Assert.NotEqual(HttpStatusCode.InternalServerError, answer.Status);
        Assert.Contains("Delivers to people's homes", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--x\r\nbroken")]                                                                              // a header line with no colon
    [InlineData("--x\r\nContent-Disposition: form-data; name=\"Details\"\r\n\r\nno closing boundary")]   // the body ends early
    [InlineData("--x\r\nContent-Disposition: form-data; name=\"Details\"\r\n\r\nnul\0here\r\n--x--\r\n")] // well formed, but a NUL
    public async Task A_broken_multipart_body_is_a_400(string body)
    {
        var serviceId = await app.WithDatabaseAsync(db => new TestListing("Multipart Pantry").InCategory(db, "food").SaveAsync(db));
        foreach (var url in new[] { $"/en/service/{serviceId}/report", "/portal/account/login" })
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
            var (response, logs) = await SendAsync(new HttpRequestMessage(HttpMethod.Post, url) { Content = content });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            AssertLoggedCleanly(logs, 400);
        }

        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.ServiceId == serviceId, Token)));
    }

    // The error page no longer binds or picks a handler; a real failure, on GET and on POST, must still reach it.
    [Theory]
    [InlineData("GET", "/es/category/food", "Algo salió mal de nuestro lado")]
    [InlineData("POST", "/en/service/00000000-0000-0000-0000-000000000001/report", "Something went wrong on our side")]
    public async Task A_real_failure_is_still_the_500_page_in_the_readers_language(string method, string url, string message)
    {
        using var failing = app.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.Configure<MvcOptions>(o => o.Filters.Add(new FailWhenAsked()))));
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        request.Headers.Add(FailWhenAsked.Header, "1");
        var response = await failing.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
        Assert.Contains(message, html, StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(FailWhenAsked), html, StringComparison.Ordinal);
    }

    private sealed class FailWhenAsked : IPageFilter
    {
        public const string Header = "X-Test-Fail";

        public void OnPageHandlerSelected(PageHandlerSelectedContext context)
        {
        }

        public void OnPageHandlerExecuting(PageHandlerExecutingContext context)
        {
            if (context.HttpContext.Request.Headers.ContainsKey(Header))
            {
                throw new InvalidOperationException($"{nameof(FailWhenAsked)}: a failure the test asked for.");
            }
        }

        public void OnPageHandlerExecuted(PageHandlerExecutedContext context)
        {
        }
    }

    private async Task<(HttpResponseMessage Response, IReadOnlyList<FakeLogRecord> Logs)> SendAsync(HttpRequestMessage request, HttpClient? client = null)
    {
        using (request)
        {
            var before = app.Logs.GetSnapshot().Count;
            var response = await (client ?? app.ResidentClient()).SendAsync(request, Token);
            await response.Content.LoadIntoBufferAsync(Token);
            return (response, app.Logs.GetSnapshot().Skip(before).ToList());
        }
    }

    // The request was logged (by the one-line request log, with its status), so the absence below can fail.
    private static void AssertLoggedCleanly(IReadOnlyList<FakeLogRecord> logs, int status)
    {
        Assert.Contains(logs, r => r.Id.Id == 1001 && r.Message.Contains(FormattableString.Invariant($" answered {status} in "), StringComparison.Ordinal));
        Assert.DoesNotContain(logs, r => r.Exception is not null || r.Level >= LogLevel.Error);
    }

    [GeneratedRegex("name=\"Token\" value=\"([^\"]+)\"")]
    private static partial Regex FormToken();
}
