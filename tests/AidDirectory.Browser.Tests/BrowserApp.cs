using System.Net;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AidDirectory.Browser.Tests;

/// <summary>
/// The site on a real Kestrel port (SQLite, sample data, fixed clock) and Debian's Chromium, launched with
/// the flags that stop its own calls to Google so that "no request to another origin" can be checked.
/// </summary>
public sealed class BrowserApp : IAsyncLifetime
{
    public const string Chromium = "/usr/lib/chromium/chromium";

    private IPlaywright? _playwright;

    public SqliteDirectoryApp Site { get; } = new();
    public IBrowser? Browser { get; private set; }
    public Uri? BaseAddress { get; private set; }
    public string? Unavailable { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            Unavailable = $"Chromium is not installed ({Chromium}); ./test.sh installs it (apt-get install chromium).";
            if (TestEnvironment.IsCi)
            {
                throw new InvalidOperationException($"CI=true but {Unavailable}");
            }

            return;
        }

        Site.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        Site.StartServer();
        var address = Site.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh browser on a phone-sized screen that asks for Spanish; skips the test where Chromium is missing.</summary>
    public async Task<IBrowserContext> NewPhoneAsync(bool javaScript = true)
    {
        if (Unavailable is not null)
        {
            Assert.Skip(Unavailable);
        }

        return await Browser!.NewContextAsync(new()
        {
            ViewportSize = new() { Width = 360, Height = 740 },
            Locale = "es-MX",
            ExtraHTTPHeaders = new Dictionary<string, string> { ["Accept-Language"] = "es-MX,es;q=0.9" },
            JavaScriptEnabled = javaScript,
        });
    }

    /// <summary>Every URL the page asks for, in order, to check that none leaves our origin.</summary>
    public static List<string> Requests(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        return requests;
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        await Site.DisposeAsync();
    }
}
