using System.Net;
using AidDirectory.Data;
using AidDirectory.Web.Features.Search;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AidDirectory.Web.Tests.Infrastructure;

/// <summary>
/// The site on a real database of its own, migrated and seeded with the Chicago sample data on start,
/// with a clock fixed at Monday 23 November 2026, noon in Chicago.
/// </summary>
public abstract class DirectoryApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public static readonly DateTimeOffset Noon = new(2026, 11, 23, 18, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Noon);

    /// <summary>Why this database cannot run here; tests skip with it (and fail under CI).</summary>
    public string? Unavailable { get; protected set; }

    protected abstract DatabaseProvider Provider { get; }

    protected abstract string ConnectionString { get; }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public void SkipIfUnavailable()
    {
        if (Unavailable is not null)
        {
            Assert.Skip(Unavailable);
        }
    }

    public FakeLogCollector Logs => Services.GetFakeLogCollector();

    /// <summary>A resident's browser: skips when this database cannot run here, and shows redirects instead of following them.</summary>
    public HttpClient ResidentClient()
    {
        SkipIfUnavailable();
        return CreateClient(new() { AllowAutoRedirect = false });
    }

    /// <summary>Gets a page as a resident's browser would, in <paramref name="acceptLanguage"/> when given.</summary>
    public async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetPageAsync(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await ResidentClient().SendAsync(request, TestContext.Current.CancellationToken);
        // Compare text as a reader sees it: entities decoded, ICU's narrow no-break space before AM/PM as a space.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Replace('\u202f', ' ');
        return (response.StatusCode, html, response);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Directory", ConnectionString);
        // Open the framework's own logs wide, as a careless operator might: only the filters the site sets in
        // code (Hosting/PrivateLogging.cs) may stand between a resident's query and the log.
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Information");
        builder.UseSetting("Logging:Console:LogLevel:Default", "Trace");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddFakeLogging());
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton<IStartupFilter, TestClientAddress>();
        });
    }

    /// <summary>
    /// The test server gives every request the same (empty) remote address; a test that plays several
    /// residents names each one's address in <see cref="Header"/>, as separate machines would have.
    /// </summary>
    public sealed class TestClientAddress : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, following) =>
            {
                if (context.Request.Headers.TryGetValue(Header, out var address) && System.Net.IPAddress.TryParse(address, out var ip))
                {
                    context.Connection.RemoteIpAddress = ip;
                }

                return following(context);
            });
            next(app);
        };
    }

    public SearchIndexPoller Poller => Services.GetServices<IHostedService>().OfType<SearchIndexPoller>().Single();

    /// <summary>
    /// Moves the clock past the poller's interval and waits for the poll that sets off to finish. A poll that
    /// never comes fails the test after half a minute instead of hanging it.
    /// </summary>
    public async Task AdvanceToNextPollAsync()
    {
        var polled = Poller.NextPollAsync(TestContext.Current.CancellationToken);
        Clock.Advance(TimeSpan.FromSeconds(Services.GetRequiredService<IOptions<SearchOptions>>().Value.PollSeconds + 1));
        try
        {
            await polled.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail("The search index poller finished no poll within 30 s of its interval passing on the test clock.");
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a context of its own, then lets the search index apply what it
    /// published, as the poller would within a few seconds (its timer runs on the fake clock, so never here).
    /// </summary>
    public async Task<T> WithDatabaseAsync<T>(Func<DirectoryDbContext, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        T result;
        await using (var scope = Services.CreateAsyncScope())
        {
            result = await work(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
        }

        await Services.GetRequiredService<SearchIndexFeed>().CatchUpAsync(CancellationToken.None);
        return result;
    }
}

public class SqliteDirectoryApp : DirectoryApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aid-{Guid.NewGuid():N}.db");

    public string DatabaseFile => _file;

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_file}";

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }
}

public sealed class PostgresDirectoryApp : DirectoryApp
{
    private PostgresServer? _server;

    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;

    protected override string ConnectionString => _server?.ConnectionString ?? throw new InvalidOperationException(Unavailable);

    /// <summary>Why the database cannot be taken away from this site (a shared server), or null when <see cref="StopDatabaseAsync"/> can.</summary>
    public string? CannotStop => _server is { CanStop: false } ? "The PostgreSQL server is shared (AIDDIRECTORY_TEST_POSTGRES), so a test may not stop it." : null;

    /// <summary>Stops this site's throwaway PostgreSQL server: from here on every connection is refused.</summary>
    public Task StopDatabaseAsync(CancellationToken cancellationToken) =>
        (_server ?? throw new InvalidOperationException(Unavailable)).StopAsync(cancellationToken);

    public override async ValueTask InitializeAsync()
    {
        Unavailable = PostgresServer.WhyUnavailable();
        if (Unavailable is not null && TestEnvironment.IsCi)
        {
            throw new InvalidOperationException($"CI=true but PostgreSQL cannot run: {Unavailable}");
        }

        if (Unavailable is null)
        {
            _server = await PostgresServer.StartAsync(CancellationToken.None);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The SQLite site deployed at a public address (<see cref="Origin"/>), as production is: its host is served, and localhost too, as in Development.</summary>
public sealed class PublicSqliteDirectoryApp : SqliteDirectoryApp
{
    public const string Origin = "https://aid.example.org";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Deployment:PublicUrl", Origin);
    }
}
