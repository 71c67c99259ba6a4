using System.Net;
using System.Text.RegularExpressions;
using AidDirectory.Data;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace AidDirectory.Web.Tests.Search;

/// <summary>The results page through HTTP, and the index kept current by other processes' publishing.</summary>
public sealed partial class SearchPageTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(url, Token);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)));
    }

    [Fact]
    public async Task Comida_gratis_60629_on_the_spanish_page_lists_food_nearest_first_and_says_what_it_understood()
    {
        var (status, html) = await GetAsync("/es/search?q=comida+gratis+60629");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Buscando: cerca de 60629 · Gratis · Comida", html, StringComparison.Ordinal);
        Assert.Contains("Jesus Christ Food Pantry", html, StringComparison.Ordinal); // 0.3 km from the ZIP's centre
        Assert.Contains("millas", html, StringComparison.Ordinal);
        Assert.Matches(@"Comida \(\d+\)", html);
    }

    [Theory]
    [InlineData("/es/search?q=comida+60629")]
    [InlineData("/en/search?q=food+60629")]
    [InlineData("/pl/search?q=60629")]
    [InlineData("/zh/search?q=60629")]
    [InlineData("/ar/search?q=60629")]
    public async Task A_full_results_page_weighs_under_14_KB_compressed_with_its_stylesheet(string page)
    {
        long total = 0;
        foreach (var url in new[] { page, "/css/site.css" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.AcceptEncoding.ParseAdd("gzip");
            var response = await app.CreateClient().SendAsync(request, Token);
            Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
            var size = (await response.Content.ReadAsByteArrayAsync(Token)).LongLength;
            TestContext.Current.TestOutputHelper?.WriteLine($"{url}: {size} B compressed");
            total += size;
        }

        Assert.InRange(total, 1, 14 * 1024);
    }

    [Theory]
    [InlineData("/es/search?q=comida&zip=00000", "El parámetro \"zip\" no es un código postal de Chicago: \"00000\".")]
    [InlineData("/en/search?q=food&category=fod", "The parameter \"category\" is not a category we know: \"fod\".")]
    [InlineData("/en/search?q=food&near=north", "The parameter \"near\" must be latitude,longitude")]
    [InlineData("/en/search?q=food&near=41.8,-87.6&radius=500", "The parameter \"radius\" must be a number of kilometers from 0.5 to 50.")]
    [InlineData("/en/search?q=food&documents=passport", "The parameter \"documents\" must be one of none, no_photo_id, no_ssn.")]
    public async Task A_bad_search_parameter_is_a_400_that_names_it_in_the_readers_language(string url, string message)
    {
        var (status, html) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_empty_result_suggests_what_to_relax()
    {
        var (status, html) = await GetAsync("/en/search?q=zzzzqqqq&free=1");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Nothing matches all of that. Try:", html, StringComparison.Ordinal);
        Assert.Contains("Removing the filters", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_published_by_another_process_is_found_here_after_catching_up()
    {
        await using var other = new SecondProcess(app);
        var id = await other.Site.WithDatabaseAsync(db => new TestListing("Zanahoria Community Fridge").OpenOn(IsoDayOfWeek.Monday, 9, 17).InCategory(db, "food").SaveAsync(db));
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        Assert.Null(index.Find(id));
        Assert.Contains("\"indexBehindBy\":1", await app.CreateClient().GetStringAsync("/api/v1/health", Token), StringComparison.Ordinal);

        var changed = await app.Services.GetRequiredService<SearchIndexFeed>().CatchUpAsync(Token);

        Assert.Equal(1, changed);
        var health = await app.CreateClient().GetStringAsync("/api/v1/health", Token);
        Assert.Contains("\"status\":\"ok\"", health, StringComparison.Ordinal);
        Assert.Contains("\"indexBehindBy\":0", health, StringComparison.Ordinal);
        Assert.Equal("Zanahoria Community Fridge", index.Search(new SearchQuery { Text = "zanahoria" }).Hits[0].Listing.Service.Name);
        var (_, html) = await GetAsync("/en/search?q=zanahoria+fridge");
        Assert.Contains("Zanahoria Community Fridge", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_poller_applies_what_was_published_when_its_interval_passes()
    {
        await using var other = new SecondProcess(app);
        var id = await other.Site.WithDatabaseAsync(db => new TestListing("Polled Pantry Quetzal").SaveAsync(db));
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        Assert.Null(index.Find(id));

        await app.AdvanceToNextPollAsync(); // the poller's timer runs on the test clock, its poll on a thread-pool thread

        Assert.NotNull(index.Find(id));
    }

    [Fact]
    public async Task Waiting_for_the_next_poll_ends_once_the_interval_passes_and_not_before()
    {
        var polled = app.Poller.NextPollAsync(Token);
        Assert.False(polled.IsCompleted);

        app.Clock.Advance(TimeSpan.FromSeconds(6)); // past the 5 s interval
        await polled.WaitAsync(TimeSpan.FromSeconds(30), Token); // a signal that never comes fails here instead of hanging
    }

    [Fact]
    public async Task Search_keeps_answering_when_the_database_is_gone_and_the_poller_says_so()
    {
        _ = app.Services; // the seeded database to copy
        var copy = Path.Combine(Path.GetTempPath(), $"aid-down-{Guid.NewGuid():N}.db");
        await using (var source = new SqliteConnection($"Data Source={app.DatabaseFile}"))
        {
            // A consistent copy, write-ahead log included.
            await source.OpenAsync(Token);
            await using var vacuum = source.CreateCommand();
            vacuum.CommandText = "VACUUM INTO $copy";
            vacuum.Parameters.AddWithValue("$copy", copy);
            await vacuum.ExecuteNonQueryAsync(Token);
        }

        await using var site = new SharedFileApp(copy);
        _ = site.Services; // started, index loaded
        SqliteConnection.ClearAllPools();
        File.Delete(copy);
        Directory.CreateDirectory(copy); // the database cannot be opened, nor quietly created again
        try
        {
            var response = await site.CreateClient().GetAsync("/es/search?q=abogado", Token);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token));
            Assert.Contains("Buscando: Ayuda legal", body, StringComparison.Ordinal);
            Assert.Contains("href=\"/es/service/", body, StringComparison.Ordinal);
            // Every result opens too: the listing page reads the index, not the database.
            var results = ResultLink().Matches(body).Select(m => m.Groups[1].Value).Distinct(StringComparer.Ordinal).ToList();
            Assert.NotEmpty(results);
            foreach (var result in results)
            {
                var listing = await site.CreateClient().GetAsync(result, Token);
                Assert.Equal(HttpStatusCode.OK, listing.StatusCode);
                Assert.Contains("<h1", await listing.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
            }

            await Assert.ThrowsAsync<SqliteException>(() => site.Services.GetRequiredService<SearchIndexFeed>().CatchUpAsync(Token));
            var health = await site.CreateClient().GetStringAsync("/api/v1/health", Token);
            Assert.Contains("\"status\":\"degraded\"", health, StringComparison.Ordinal);
            Assert.Contains("\"databaseReachable\":false", health, StringComparison.Ordinal);

            await site.AdvanceToNextPollAsync();
            Assert.Contains(site.Logs.GetSnapshot(), r => r.Id.Id == 3002);
        }
        finally
        {
            Directory.Delete(copy);
        }
    }

    /// <summary>A second web process on the same database file, as behind a load balancer.</summary>
    private sealed class SecondProcess : IAsyncDisposable
    {
        public SecondProcess(SqliteDirectoryApp first)
        {
            _ = first.Services; // the first process created and seeded the file
            Site = new SharedFileApp(first.DatabaseFile);
            _ = Site.Services; // start it: it migrates nothing, seeds nothing (the file has listings) and loads its index
        }

        public SharedFileApp Site { get; }

        public ValueTask DisposeAsync() => Site.DisposeAsync();
    }

    private sealed class SharedFileApp(string file) : DirectoryApp
    {
        protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override string ConnectionString => $"Data Source={file}";

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:SeedSampleData", "false");
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            SqliteConnection.ClearAllPools();
            GC.SuppressFinalize(this);
        }
    }

    [GeneratedRegex("href=\"(/es/service/[0-9a-f-]{36})\"")]
    private static partial Regex ResultLink();
}
