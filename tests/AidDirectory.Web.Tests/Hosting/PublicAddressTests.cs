using System.Net;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>
/// A forged Host header or forwarded scheme changes nothing the site writes (issue 13, finding 5): links,
/// the flyer's QR code and redirects start with Deployment:PublicUrl, and another host is refused.
/// </summary>
public sealed class PublicAddressTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private const string PublicUrl = "https://aid.example.org";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private WebApplicationFactory<Program> Deployed(string environment = "Development") =>
        app.WithWebHostBuilder(b => b.UseEnvironment(environment).UseSetting("Deployment:PublicUrl", PublicUrl));

    private static HttpClient Client(WebApplicationFactory<Program> site, string origin) =>
        site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin), AllowAutoRedirect = false });

    [Fact]
    public async Task A_flyer_asked_for_under_a_forged_host_is_refused_and_otherwise_prints_only_the_public_address()
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        TestEnvironment.Require("pdftoppm", "poppler-utils");
        TestEnvironment.Require("zbarimg", "zbar-tools");
        using var site = Deployed();

        var forged = await Client(site, "http://evil.example").GetAsync("/flyers/en/avondale/food.pdf", Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.NotEqual("application/pdf", forged.Content.Headers.ContentType?.MediaType);
        Assert.False(forged.Headers.CacheControl?.Public ?? false);

        // Asked for on localhost (Development lets it through), the flyer still points at the public address.
        var flyer = await Client(site, "http://localhost").GetAsync("/flyers/en/avondale/food.pdf", Token);
        Assert.Equal(HttpStatusCode.OK, flyer.StatusCode);
        var pdf = await flyer.Content.ReadAsByteArrayAsync(Token);
        var text = await OnFileAsync(pdf, ".pdf", "pdftotext", "{file}", "-");
        Assert.Contains("https://aid.example.org/en/search?area=avondale&category=food", text, StringComparison.Ordinal);
        Assert.DoesNotContain("localhost", text, StringComparison.Ordinal);
        var png = await RasteriseAsync(pdf);
        var qr = await OnFileAsync(png, ".png", "zbarimg", "--quiet", "--raw", "{file}");
        Assert.Equal("https://aid.example.org/en/search?area=avondale&category=food", qr.Trim());
    }

    [Fact]
    public async Task The_sign_in_redirect_starts_with_the_public_address_and_a_forged_host_gets_a_400()
    {
        using var site = Deployed();

        var redirect = await Client(site, "http://localhost").GetAsync("/portal", Token);
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("https://aid.example.org/portal/account/login?ReturnUrl=", redirect.Headers.Location?.OriginalString, StringComparison.Ordinal);

        var forged = await Client(site, "http://evil.example").GetAsync("/portal", Token);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Null(forged.Headers.Location);
    }

    [Fact]
    public async Task Outside_development_only_the_public_host_is_served()
    {
        using var site = Deployed("Production");
        Assert.Equal(HttpStatusCode.OK, (await Client(site, PublicUrl).GetAsync("/healthz", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(site, "http://localhost").GetAsync("/healthz", Token)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Client(site, "https://evil.example").GetAsync("/healthz", Token)).StatusCode);
    }

    [Fact]
    public async Task A_trusted_proxy_forwarding_a_scheme_other_than_http_or_https_is_refused_and_the_value_is_not_logged()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/portal");
        request.Headers.Add(DirectoryApp.TestClientAddress.Header, "127.0.0.1"); // the default trusted proxy
        request.Headers.Add("X-Forwarded-Proto", "javascript");
        var response = await app.CreateClient(new() { AllowAutoRedirect = false }).SendAsync(request, Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
        Assert.DoesNotContain("javascript:", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        var records = app.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1003);
        Assert.DoesNotContain(records, r => r.Message.Contains("javascript", StringComparison.OrdinalIgnoreCase));

        // The same proxy forwarding https is still believed: the form cookie is Secure, as over HTTPS.
        using var https = new HttpRequestMessage(HttpMethod.Get, "/portal/account/login");
        https.Headers.Add(DirectoryApp.TestClientAddress.Header, "127.0.0.1");
        https.Headers.Add("X-Forwarded-Proto", "https");
        var page = await app.CreateClient().SendAsync(https, Token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var cookies = page.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData(null, "Deployment:PublicUrl is required outside Development")]
    [InlineData("javascript:alert(1)", "Deployment:PublicUrl must be the site's public address")]
    [InlineData("aid.example.org", "Deployment:PublicUrl must be the site's public address")]
    public void Outside_development_the_site_does_not_start_without_a_valid_public_address(string? url, string message)
    {
        using var wrong = app.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Deployment:PublicUrl", url));
        var error = Assert.Throws<OptionsValidationException>(() => wrong.CreateClient());
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> RasteriseAsync(byte[] pdf)
    {
        var directory = Directory.CreateTempSubdirectory("aid-host-");
        try
        {
            var file = Path.Combine(directory.FullName, "flyer.pdf");
            await File.WriteAllBytesAsync(file, pdf, Token);
            await TestEnvironment.RunAsync("pdftoppm", "-r", "150", "-png", "-singlefile", file, Path.Combine(directory.FullName, "page"));
            return await File.ReadAllBytesAsync(Path.Combine(directory.FullName, "page.png"), Token);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> OnFileAsync(byte[] content, string extension, string program, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"aid-host-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(file, content, Token);
        try
        {
            return await TestEnvironment.RunAsync(program, [.. arguments.Select(a => a == "{file}" ? file : a)]);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
