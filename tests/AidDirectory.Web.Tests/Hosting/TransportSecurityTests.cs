using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>Over HTTPS the site asks browsers to stay on HTTPS, and every cookie it sets is Secure (issue 13, finding 8).</summary>
public sealed class TransportSecurityTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>, IDisposable
{
    // The site answers only its public host (and localhost in Development), so this one is deployed at aid.example.org.
    private readonly WebApplicationFactory<Program> _site = app.WithWebHostBuilder(b => b.UseSetting("Deployment:PublicUrl", "https://aid.example.org"));

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Client(string origin) => _site.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri(origin), AllowAutoRedirect = false });

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task Over_https_pages_send_hsts_and_the_form_cookie_is_secure_and_strict()
    {
        var page = await Client("https://aid.example.org").GetAsync("/en/", Token);
        Assert.Equal("max-age=31536000", Assert.Single(page.Headers.GetValues("Strict-Transport-Security")));

        var login = await Client("https://aid.example.org").GetAsync("/portal/account/login", Token);
        var cookies = login.Headers.GetValues("Set-Cookie").ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, cookie =>
        {
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task Over_plain_http_no_hsts_is_sent()
    {
        var page = await Client("http://aid.example.org").GetAsync("/en/", Token);
        Assert.True(page.IsSuccessStatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
    }
}
