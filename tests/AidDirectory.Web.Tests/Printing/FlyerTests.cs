using System.Net;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Translations;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Printing;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NodaTime;
using SkiaSharp;

namespace AidDirectory.Web.Tests.Printing;

/// <summary>
/// Flyers read back the way a printer and a phone would: rasterised and read as text by poppler-utils,
/// the QR code decoded by zbarimg. The clock is fixed at 23 November 2026.
/// </summary>
public sealed class FlyerTests(SqliteDirectoryApp app) : IClassFixture<SqliteDirectoryApp>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_polish_flyer_for_avondale_lists_its_food_in_polish_on_one_letter_page_with_a_working_qr_code()
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        TestEnvironment.Require("zbarimg", "zbar-tools");
        var pdf = await GetPdfAsync("/flyers/pl/avondale/food.pdf");

        var info = await RunOnFileAsync(pdf, ".pdf", "pdfinfo");
        Assert.Matches(@"Pages:\s+1\n", info);
        Assert.Matches(@"Page size:\s+612 x 792 pts", info);
        var text = await RunOnFileAsync(pdf, ".pdf", "pdftotext", "-layout", "{file}", "-");
        Assert.Contains("Żywność: Avondale", text, StringComparison.Ordinal);
        Assert.Contains("Wydrukowano poniedziałek, 23 listopada 2026.", text, StringComparison.Ordinal);
        // The flyer prints the top of the same search the QR code opens, nearest first.
        var index = app.Services.GetRequiredService<PublishedListingIndex>();
        var expected = index.Search(new SearchQuery { Place = index.PlaceNames.Area("avondale"), Category = "food", Language = "pl", AllPages = true });
        Assert.True(expected.Total > 10);
        foreach (var hit in expected.Hits.Take(8))
        {
            Assert.Contains(hit.Listing.Service.Name, text.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        }

        var png = await RasteriseAsync(pdf, dpi: 150);
        using (var bitmap = SKBitmap.Decode(png))
        {
            Assert.Equal((1275, 1650), (bitmap.Width, bitmap.Height)); // 8.5 × 11 in at 150 dpi
        }

        var qr = await RunOnFileAsync(png, ".png", "zbarimg", "--quiet", "--raw", "{file}");
        // The QR code opens the live list in the flyer's own language.
        Assert.Equal("http://localhost/pl/search?area=avondale&category=food", qr.Trim());
    }

    [Fact]
    public async Task A_listing_name_is_printed_in_the_flyers_language_and_an_approximate_place_never_shows_where_it_is()
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        var listing = new TestListing("Spring Test Pantry").WithVisibility(LocationVisibility.Approximate);
        listing.Service.NameTranslations = new LocalizedText(new Dictionary<string, string> { ["pl"] = "Wiosenna Spiżarnia Testowa", ["es"] = "Despensa Primavera" });
        listing.Location.Address1 = "2701 S Secretive Ave";
        await app.WithDatabaseAsync(db => listing.OpenOn(IsoDayOfWeek.Tuesday, 10, 14).InCategory(db, "food").SaveAsync(db));

        var pdf = await GetPdfAsync("/flyers/pl/south-lawndale/food.pdf");
        var text = await RunOnFileAsync(pdf, ".pdf", "pdftotext", "{file}", "-");
        Assert.Contains("Wiosenna Spiżarnia Testowa", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Spring Test Pantry", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Secretive", text, StringComparison.Ordinal);
        Assert.Contains("Adres nie jest publikowany: najpierw zadzwoń.", text, StringComparison.Ordinal);
        Assert.Contains("wt. 10:00 – 14:00", text, StringComparison.Ordinal); // Polish day and 24-hour times

        // Move the real place within its 500 m cell: the printed page (its map included) must not change.
        var before = await RasteriseAsync(pdf, dpi: 100);
        await listing.MoveWithinItsCellAsync(app);
        var after = await RasteriseAsync(await GetPdfAsync("/flyers/pl/south-lawndale/food.pdf"), dpi: 100);
        Assert.Equal(before, after);
    }

    [Theory]
    [InlineData("ar", "طعام في", "امسح الرمز للقائمة المحدثة", "في الاثنين", "نوفمبر")]
    [InlineData("zh", "食物", "扫描查看最新列表", "打印于2026年11月23日")]
    [InlineData("es", "Comida en Avondale", "Escanee para ver la lista actualizada", "Impreso el lunes, 23 de noviembre de 2026.")]
    public async Task Flyers_in_arabic_chinese_and_spanish_carry_their_own_text(string language, params string[] phrases)
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        var text = await RunOnFileAsync(await GetPdfAsync($"/flyers/{language}/avondale/food.pdf"), ".pdf", "pdftotext", "{file}", "-");
        // poppler marks right-to-left runs with embedding characters; the words themselves are what matter.
        var plain = new string(text.Where(c => c is not ('\u202A' or '\u202B' or '\u202C')).ToArray());
        Assert.Contains("Avondale", plain, StringComparison.Ordinal);
        foreach (var phrase in phrases)
        {
            Assert.Contains(phrase, plain, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_chinese_flyer_carries_only_the_glyphs_it_prints_and_still_reads_back()
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        // Whole fonts made it 2.9 MB (WenQuanYi Micro Hei alone is 5 MB): too heavy to send from a phone or a library's computer.
        var pdf = await GetPdfAsync("/flyers/zh/avondale/food.pdf");
        Assert.InRange(pdf.Length, 10_000, 300_000);

        var text = await RunOnFileAsync(pdf, ".pdf", "pdftotext", "{file}", "-");
        Assert.Contains("食物", text, StringComparison.Ordinal);
        Assert.Contains("扫描查看最新列表", text, StringComparison.Ordinal);
        Assert.Contains("Avondale", text, StringComparison.Ordinal);
        // Every font file is embedded as a subset (poppler says "yes" in its "sub" column); Type 3 fonts are
        // drawings of the glyphs used (how Skia writes a face that fontconfig emboldens), never a font file.
        var fonts = (await RunOnFileAsync(pdf, ".pdf", "pdffonts", "{file}")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(2).Where(f => !f.Contains("Type 3", StringComparison.Ordinal)).ToList();
        Assert.Contains(fonts, f => f.Contains("WenQuanYi", StringComparison.Ordinal));
        Assert.All(fonts, f => Assert.Matches(@"\s+yes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$", f));
    }

    [Fact]
    public async Task A_flyer_asked_for_again_is_not_drawn_again_until_something_new_is_published()
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        const string url = "/flyers/es/south-lawndale/food.pdf";
        int Drawn() => app.Logs.GetSnapshot().Count(r => r.Id.Id == 5001);
        var before = Drawn();
        var first = await GetPdfAsync(url);
        Assert.Equal(before + 1, Drawn());
        Assert.Equal(first, await GetPdfAsync(url));
        Assert.Equal(before + 1, Drawn()); // served from the cache

        // A request with a forged Host is refused before anything is drawn or cached (the host filter, finding 5).
        using (var forged = new HttpRequestMessage(HttpMethod.Get, url))
        {
            forged.Headers.Host = "evil.example";
            using var response = await app.CreateClient().SendAsync(forged, Token);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        }

        Assert.Equal(before + 1, Drawn());
        var text = await RunOnFileAsync(await GetPdfAsync(url), ".pdf", "pdftotext", "{file}", "-");
        Assert.Contains("http://localhost/es/search?area=south-lawndale", text, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", text, StringComparison.Ordinal);
        Assert.Equal(before + 1, Drawn());

        // Something new is published: the next request draws the flyer again, with it.
        await app.WithDatabaseAsync(db => new TestListing("Despensa Cachada Nueva").OpenOn(IsoDayOfWeek.Friday, 9, 12).InCategory(db, "food").SaveAsync(db));
        var after = await RunOnFileAsync(await GetPdfAsync(url), ".pdf", "pdftotext", "{file}", "-");
        Assert.Equal(before + 2, Drawn());
        Assert.Contains("Despensa Cachada Nueva", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cached_flyer_is_drawn_again_the_next_day_with_that_days_date()
    {
        TestEnvironment.Require("pdftotext", "poppler-utils");
        var clock = new FakeTimeProvider(DirectoryApp.Noon);
        await using var site = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(clock)));
        var client = site.CreateClient();
        int Drawn() => site.Services.GetFakeLogCollector().GetSnapshot().Count(r => r.Id.Id == 5001);
        async Task<string> TextAsync() => await RunOnFileAsync(await client.GetByteArrayAsync(new Uri("/flyers/es/avondale/food.pdf", UriKind.Relative), Token), ".pdf", "pdftotext", "{file}", "-");

        Assert.Contains("Impreso el lunes, 23 de noviembre de 2026.", await TextAsync(), StringComparison.Ordinal);
        clock.Advance(TimeSpan.FromHours(5)); // 17:00 in Chicago, the same day
        Assert.Contains("Impreso el lunes, 23 de noviembre de 2026.", await TextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, Drawn());
        clock.Advance(TimeSpan.FromHours(8)); // 01:00 on Tuesday in Chicago
        Assert.Contains("Impreso el martes, 24 de noviembre de 2026.", await TextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, Drawn());
    }

    [Fact]
    public async Task With_the_only_drawing_slot_taken_one_request_waits_and_the_next_is_told_to_come_back()
    {
        await using var site = app.WithWebHostBuilder(b => b.UseSetting("Flyers:MaxConcurrentDrawings", "1").UseSetting("Flyers:QueueLimit", "1").UseSetting("Flyers:RetryAfterSeconds", "7"));
        var limit = site.Services.GetRequiredService<FlyerDrawingLimit>();
        var client = site.CreateClient();
        Task<HttpResponseMessage> waiting;
        using (var drawing = await limit.AcquireAsync(Token)) // as if a flyer were being drawn
        {
            Assert.True(drawing.IsAcquired);
            waiting = client.GetAsync(new Uri("/flyers/en/avondale/food.pdf", UriKind.Relative), Token);
            while (limit.Queued == 0)
            {
                Assert.False(waiting.IsCompleted, "The first request should wait for the slot, not be answered.");
                await Task.Delay(10, Token);
            }

            using var refused = await client.GetAsync(new Uri("/flyers/ar/avondale/food.pdf", UriKind.Relative), Token);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), refused.Headers.RetryAfter?.Delta);
            Assert.Contains("\"title\":\"Flyers are busy\"", await refused.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
            Assert.False(waiting.IsCompleted);
        }

        using var served = await waiting;
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(FlyerApi.MediaType, served.Content.Headers.ContentType?.MediaType);
        // The refusal was not cached: asked again with the slot free, the flyer is drawn.
        using var again = await client.GetAsync(new Uri("/flyers/ar/avondale/food.pdf", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task The_flyer_form_checks_each_field_and_sends_a_good_choice_to_its_pdf()
    {
        var client = app.CreateClient(new() { AllowAutoRedirect = false });

        var form = await client.GetStringAsync(new Uri("/es/flyer", UriKind.Relative), Token);
        Assert.Contains("<option value=\"avondale\">Avondale</option>", form, StringComparison.Ordinal);
        Assert.Contains("<option value=\"pl\" lang=\"pl\">Polski</option>", form, StringComparison.Ordinal);

        var bad = await client.GetAsync(new Uri("/es/flyer?area=atlantis&category=food&language=xx", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var html = await bad.Content.ReadAsStringAsync(Token);
        Assert.Contains("Elija un barrio de la lista.", html, StringComparison.Ordinal);
        Assert.Contains("Elija uno de los idiomas de la lista.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Elija una categoría de la lista.", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"food\" selected=\"selected\">", html, StringComparison.Ordinal); // the good choice is kept

        var good = await client.GetAsync(new Uri("/es/flyer?area=avondale&category=food&language=pl", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("/flyers/pl/avondale/food.pdf", good.Headers.Location?.ToString());

        var missing = await client.GetAsync(new Uri("/flyers/pl/atlantis/food.pdf", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("atlantis", await missing.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_printed_results_write_out_phones_and_hours_and_never_an_approximate_address()
    {
        var listing = new TestListing("Printable Zinnia Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).OpenOn(IsoDayOfWeek.Tuesday, 9, 17);
        var hidden = new TestListing("Printable Zinnia Shelter").WithVisibility(LocationVisibility.Approximate);
        hidden.Location.Address1 = "2702 S Undisclosed Ave";
        await app.WithDatabaseAsync(db => listing.InCategory(db, "food").SaveAsync(db));
        await app.WithDatabaseAsync(db => hidden.InCategory(db, "food").SaveAsync(db));

        // Compare text as a reader sees it: entities decoded, ICU's narrow no-break space before AM/PM as a space.
        var html = WebUtility.HtmlDecode(await app.CreateClient().GetStringAsync(new Uri("/en/search/print?q=zinnia", UriKind.Relative), Token)).Replace('\u202F', ' ');

        Assert.Contains("Printable Zinnia Pantry", html, StringComparison.Ordinal);
        Assert.Contains("312-555-0123", html, StringComparison.Ordinal);
        Assert.Contains("Mon–Tue 9:00 AM – 5:00 PM", html, StringComparison.Ordinal);
        Assert.Contains("2700 S Millard Ave, Chicago, IL 60623", html, StringComparison.Ordinal);
        Assert.Contains("Printable Zinnia Shelter", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Undisclosed", html, StringComparison.Ordinal);
        Assert.Contains("Address not published: call first.", html, StringComparison.Ordinal);
        Assert.Contains("Printed Monday, November 23, 2026.", html, StringComparison.Ordinal);

        var search = await app.CreateClient().GetStringAsync(new Uri("/en/search?q=zinnia", UriKind.Relative), Token);
        Assert.Contains("href=\"/en/search/print?q=zinnia\"", search, StringComparison.Ordinal);
    }

    private async Task<byte[]> GetPdfAsync(string url)
    {
        var response = await app.CreateClient().GetAsync(new Uri(url, UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(FlyerApi.MediaType, response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadAsByteArrayAsync(Token);
    }

    private static async Task<byte[]> RasteriseAsync(byte[] pdf, int dpi)
    {
        TestEnvironment.Require("pdftoppm", "poppler-utils");
        var directory = Directory.CreateTempSubdirectory("aid-flyer-");
        try
        {
            var file = Path.Combine(directory.FullName, "flyer.pdf");
            await File.WriteAllBytesAsync(file, pdf, Token);
            await TestEnvironment.RunAsync("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-singlefile", file, Path.Combine(directory.FullName, "page"));
            return await File.ReadAllBytesAsync(Path.Combine(directory.FullName, "page.png"), Token);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static async Task<string> RunOnFileAsync(byte[] content, string extension, string program, params string[] arguments)
    {
        var file = Path.Combine(Path.GetTempPath(), $"aid-flyer-{Guid.NewGuid():N}{extension}");
        await File.WriteAllBytesAsync(file, content, Token);
        try
        {
            string[] withFile = arguments.Length == 0 ? [file] : [.. arguments.Select(a => a == "{file}" ? file : a)];
            return await TestEnvironment.RunAsync(program, withFile);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
