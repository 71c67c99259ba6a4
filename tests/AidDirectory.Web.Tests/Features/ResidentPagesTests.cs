using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Data.Publishing;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AidDirectory.Web.Tests.Features;

/// <summary>What a resident sees, through HTTP, on a real database. Runs on SQLite and on PostgreSQL.</summary>
public abstract partial class ResidentPagesTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private HttpClient Client()
    {
        app.SkipIfUnavailable();
        return app.CreateClient(new() { AllowAutoRedirect = false });
    }

    private async Task<(HttpStatusCode Status, string Html, HttpResponseMessage Response)> GetAsync(string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await Client().SendAsync(request, Token);
        // Compare text as a reader sees it: entities decoded, ICU's narrow no-break space before AM/PM as a space.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(Token)).Replace('\u202f', ' ');
        return (response.StatusCode, html, response);
    }

    [Fact]
    public async Task The_root_sends_a_spanish_browser_to_the_spanish_home_page_and_says_it_varies_by_language()
    {
        var (status, _, response) = await GetAsync("/", "es-MX,es;q=0.9,en;q=0.5");
        Assert.Equal(HttpStatusCode.Redirect, status);
        Assert.Equal("/es/", response.Headers.Location?.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        var (_, _, english) = await GetAsync("/", "fr-FR,fr;q=0.9");
        Assert.Equal("/en/", english.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_spanish_home_page_lists_categories_with_counts_and_every_neighbourhood()
    {
        var (status, html, _) = await GetAsync("/es/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("Encuentre ayuda en Chicago", html, StringComparison.Ordinal);
        Assert.Matches(@"href=""/es/category/food"">Comida <span class=""n"">\(\d+\)</span>", html);
        Assert.Equal(77, Regex.Count(html, "href=\"/es/neighborhood/"));
        Assert.Contains("href=\"/en/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_category_page_shows_each_listing_with_open_now_worked_out_from_its_hours()
    {
        var id = await app.WithDatabaseAsync(db => new TestListing("Aaa Test Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).InCategory(db, "food").SaveAsync(db));
        var (status, html, _) = await GetAsync("/en/category/food");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/en/service/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("Open now, closes at 5:00 PM", html, StringComparison.Ordinal); // Monday noon in Chicago
        Assert.Contains("South Lawndale", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_in_spanish_has_everything_a_resident_needs_before_leaving_home()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            var listing = new TestListing("Despensa de Prueba").OpenOn(IsoDayOfWeek.Monday, 9, 17).OpenOn(IsoDayOfWeek.Wednesday, 9, 12).InCategory(db, "legal");
            listing.Service.ServiceAreas.Add(new ServiceArea { Id = Guid.NewGuid(), ServiceId = listing.Service.Id, Name = "Southwest Side", CommunityAreaNumbers = [30, 31], PostalCodes = ["60608"] });
            listing.Service.Contacts.Add(new Contact { Id = Guid.NewGuid(), ServiceId = listing.Service.Id, Name = "Ana Ruiz", Title = "Intake", Phone = "+13125550100" });
            return listing.SaveAsync(db);
        });
        var (status, html, _) = await GetAsync($"/es/service/{id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Abierto ahora, cierra a las 17:00", html, StringComparison.Ordinal);
        Assert.Contains("<tr aria-current=date class=\"today\">", html, StringComparison.Ordinal);
        Assert.Contains("Lunes", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+13125550123\"", html, StringComparison.Ordinal);
        Assert.Contains("(312) 555-0123", html, StringComparison.Ordinal);
        Assert.Contains("2700 S Millard Ave", html, StringComparison.Ordinal);
        Assert.Contains("Gratis", html, StringComparison.Ordinal);
        Assert.Contains("Zona que atiende: <bdi dir=\"auto\">Southwest Side</bdi>: South Lawndale, Lower West Side (60608)", html, StringComparison.Ordinal);
        Assert.Contains("Pregunte por <bdi dir=\"auto\">Ana Ruiz, Intake</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("No se necesita número de Seguro Social", html, StringComparison.Ordinal);
        Assert.Contains("No, no preguntan", html, StringComparison.Ordinal);
        Assert.Contains("Español, Polski", html, StringComparison.Ordinal);
        Assert.Contains("Un notario o notario público no puede", html, StringComparison.Ordinal);
        Assert.Contains("Esta información puede estar desactualizada.", html, StringComparison.Ordinal);
        Assert.Contains("Datos de", html, StringComparison.Ordinal);
        Assert.Contains("No se indica: pregunte cuando llame si puede usarlo.", html, StringComparison.Ordinal);
        Assert.Contains("Sin verificar por AidDirectory; los datos son de noviembre de 2025.", html, StringComparison.Ordinal);
        Assert.Contains("<bdi dir=\"auto\" lang=\"en\">Despensa de Prueba</bdi>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_shows_this_weeks_closures_and_upcoming_events_and_says_its_text_is_in_english()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            var listing = new TestListing("Holiday Pantry").OpenOn(IsoDayOfWeek.Thursday, 9, 17);
            var closed = Core.Schedules.Schedule.ClosedOn(new LocalDate(2026, 11, 26), new LocalDate(2026, 11, 26), "Thanksgiving");
            var distribution = Core.Schedules.Schedule.EventOn(new LocalDate(2026, 11, 28), new LocalTime(10, 0), new LocalTime(13, 0), "Turkey distribution");
            foreach (var row in new[] { closed, distribution })
            {
                row.Id = Guid.NewGuid();
                row.ServiceId = listing.Service.Id;
                listing.Service.Schedules.Add(row);
            }

            return listing.SaveAsync(db);
        });
        var (_, html, _) = await GetAsync($"/es/service/{id}");
        Assert.Contains("Cambios al horario habitual", html, StringComparison.Ordinal);
        Assert.Contains("jueves, 26 de noviembre de 2026: Cerrado — <bdi dir=\"auto\">Thanksgiving</bdi>", html, StringComparison.Ordinal);
        Assert.Contains("Próximos eventos", html, StringComparison.Ordinal);
        Assert.Contains("Turkey distribution", html, StringComparison.Ordinal);
        Assert.Contains("Cerrado ahora, abre el sábado a las 10:00", html, StringComparison.Ordinal);
        Assert.Contains("Esta descripción solo está disponible en inglés.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listing_verified_three_weeks_ago_says_so_without_a_stale_warning()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            var listing = new TestListing("Fresh Pantry");
            listing.Service.LastVerifiedAt = Instant.FromDateTimeOffset(DirectoryApp.Noon) - Duration.FromDays(21);
            return listing.SaveAsync(db);
        });
        var (_, html, _) = await GetAsync($"/en/service/{id}");
        Assert.Contains("Last verified 3 weeks ago.", html, StringComparison.Ordinal);
        Assert.DoesNotContain("may be out of date", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_temporarily_closed_listing_shows_a_banner_with_the_reason_and_the_reopening_date()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            var listing = new TestListing("Closed For Repairs Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17);
            listing.Service.Status = ServiceStatus.TemporarilyClosed;
            listing.Service.StatusReason = "Flooded basement";
            listing.Service.ExpectedReopening = new LocalDate(2026, 12, 7);
            return listing.SaveAsync(db);
        });
        var (_, html, _) = await GetAsync($"/en/service/{id}");
        Assert.Contains("Temporarily closed.", html, StringComparison.Ordinal);
        Assert.Contains("Flooded basement", html, StringComparison.Ordinal);
        Assert.Contains("Expected to reopen on Monday, December 7, 2026.", html, StringComparison.Ordinal);
        Assert.Contains("Closed: see the notice above", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Open now", html, StringComparison.Ordinal); // its Monday hours would say so
    }

    [Fact]
    public async Task A_hidden_location_leaks_no_address_point_or_neighbourhood_anywhere()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            // Named to sort first, so a leak would show on the neighbourhood's first page.
            var listing = new TestListing("AAA Safe Place Hidden").WithVisibility(LocationVisibility.Hidden).InCategory(db, "shelter");
            listing.Location.Address1 = "999 W Secretplace St";
            return listing.SaveAsync(db);
        });
        var (_, page, _) = await GetAsync($"/en/service/{id}");
        Assert.Contains("Call for the address.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secretplace", page, StringComparison.Ordinal);
        Assert.DoesNotContain("41.84", page, StringComparison.Ordinal);
        Assert.DoesNotContain("South Lawndale", page, StringComparison.Ordinal);
        var (_, area, _) = await GetAsync("/en/neighborhood/south-lawndale");
        Assert.Contains("</ol>", area, StringComparison.Ordinal);
        Assert.DoesNotContain("Safe Place Hidden", area, StringComparison.Ordinal);
        var (_, shelters, _) = await GetAsync("/en/category/shelter");
        Assert.Contains("AAA Safe Place Hidden", shelters, StringComparison.Ordinal); // listed by category, just not placed
    }

    [Fact]
    public async Task An_approximate_location_shows_only_its_neighbourhood()
    {
        var id = await app.WithDatabaseAsync(db => new TestListing("Approximate Shelter").WithVisibility(LocationVisibility.Approximate).SaveAsync(db));
        var (_, html, _) = await GetAsync($"/en/service/{id}");
        Assert.Contains("In South Lawndale. The exact address is not published", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2700 S Millard", html, StringComparison.Ordinal);
        Assert.DoesNotContain("geo:", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_neighbourhood_page_lists_what_is_in_that_community_area()
    {
        await app.WithDatabaseAsync(db => new TestListing("Aaaa Little Village Test Clinic").SaveAsync(db)); // sorts onto the first page
        var (status, html, _) = await GetAsync("/es/neighborhood/south-lawndale");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>South Lawndale</h1>", html, StringComparison.Ordinal);
        Assert.Contains("La Villita", html, StringComparison.Ordinal);
        Assert.Contains("Aaaa Little Village Test Clinic", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Searching_by_name_ignores_case_and_accents()
    {
        await app.WithDatabaseAsync(db => new TestListing("Clínica Comunitaria Prueba").SaveAsync(db));
        var (status, html, _) = await GetAsync("/es/search?q=CLINICA+comunitaria");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Clínica Comunitaria Prueba", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/category/food?page=abc", HttpStatusCode.BadRequest, "The parameter \"page\" must be a whole number from 1 to 10000.")]
    [InlineData("/en/category/food?page=0", HttpStatusCode.BadRequest, "The parameter \"page\" must be a whole number")]
    [InlineData("/es/category/food?page=999", HttpStatusCode.BadRequest, "El parámetro \"page\" está fuera de rango")]
    [InlineData("/en/search?q=library&page=-1", HttpStatusCode.BadRequest, "The parameter \"page\"")]
    [InlineData("/es/neighborhood/no-such-place", HttpStatusCode.NotFound, "No encontramos esta página")]
    [InlineData("/en/category/no-such-category", HttpStatusCode.NotFound, "We could not find this page")]
    [InlineData("/en/service/not-a-guid", HttpStatusCode.NotFound, "We could not find this page")]
    public async Task A_malformed_or_impossible_parameter_gets_a_clear_answer_never_a_500(string url, HttpStatusCode expected, string message)
    {
        var (status, html, _) = await GetAsync(url);
        Assert.Equal(expected, status);
        Assert.Contains(message, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_listing_is_a_404_page_in_the_readers_language_with_a_way_back()
    {
        var (status, html, _) = await GetAsync($"/es/service/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No encontramos esta página", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/es/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_language_is_a_404_page_with_a_way_back()
    {
        var (status, html, _) = await GetAsync("/fr/category/food");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("href=\"/en/\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/")]
    [InlineData("/es/")]
    [InlineData("/es/category/legal")]
    [InlineData("/en/neighborhood/south-lawndale")]
    [InlineData("/en/search?q=library")]
    [InlineData("/es/service/00000000-0000-0000-0000-000000000001")]
    [InlineData("/en/category/food?page=abc")]
    [InlineData("/")]
    [InlineData("/en/service/{listing}")]
    public async Task Public_pages_set_no_cookie_and_allow_only_our_own_origin(string url)
    {
        if (url.Contains("{listing}", StringComparison.Ordinal))
        {
            var id = await app.WithDatabaseAsync(db => new TestListing("Cookie Check Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).InCategory(db, "food").SaveAsync(db));
            url = url.Replace("{listing}", id.ToString(), StringComparison.Ordinal);
        }

        var (_, html, response) = await GetAsync(url);
        Assert.False(response.Headers.Contains("Set-Cookie"), $"{url} set a cookie");
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotMatch("https?:|\\*", policy);
        Assert.True(url == "/" || html.Contains("<html", StringComparison.Ordinal), $"{url} has no page");
        Assert.DoesNotMatch(ForeignResource(), html);
    }

    [Fact]
    public async Task No_log_line_carries_what_a_resident_searched_for_or_where()
    {
        var before = app.Logs.GetSnapshot().Count;
        await GetAsync("/es/search?q=abogado+gratis+41.85");
        await GetAsync("/en/neighborhood/south-lawndale?page=1");
        var records = app.Logs.GetSnapshot().Skip(before).ToList();
        Assert.Contains(records, r => r.Id.Id == 1001 && r.Message.Contains("{lang:lang}/search", StringComparison.Ordinal));
        // The message, and every scope a provider could print with it (a request path rides in scopes).
        var texts = records.SelectMany(r => r.Scopes.Select(s => s?.ToString() ?? "").Prepend(r.Message)).ToList();
        Assert.DoesNotContain(texts, t =>
            t.Contains("abogado", StringComparison.OrdinalIgnoreCase)
            || t.Contains("41.85", StringComparison.Ordinal)
            || t.Contains("south-lawndale", StringComparison.OrdinalIgnoreCase)
            || t.Contains("?q=", StringComparison.Ordinal)
            || t.Contains("page=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_listing_page_weighs_under_14_KB_compressed_with_its_stylesheet()
    {
        var id = await app.WithDatabaseAsync(async db =>
        {
            // The heaviest kind of listing: every section filled.
            var listing = new TestListing("Heavy Test Listing").InCategory(db, "legal").InCategory(db, "immigration").InCategory(db, "food");
            foreach (var day in Enumerable.Range(1, 7))
            {
                listing.OpenOn((IsoDayOfWeek)day, 9, 12).OpenOn((IsoDayOfWeek)day, 13, 17);
            }

            listing.Service.Description = string.Concat(Enumerable.Repeat("Legal consultations, DACA renewals, asylum, family petitions. ", 12));
            listing.Service.HoursText = "Mon-Sun 9-12, 1-5";
            return await listing.SaveAsync(db);
        });
        var page = await CompressedSizeAsync($"/en/service/{id}");
        var css = await CompressedSizeAsync("/css/site.css");
        TestContext.Current.TestOutputHelper?.WriteLine($"listing page {page} B + stylesheet {css} B compressed = {page + css} B");
        Assert.InRange(page + css, 1, 14 * 1024);
    }

    [Fact]
    public async Task A_second_moderator_saving_an_outdated_copy_is_refused()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Concurrency Pantry").SaveAsync(db));
        await app.WithDatabaseAsync(async first =>
        {
            await app.WithDatabaseAsync(async second =>
            {
                var mine = await first.Services.SingleAsync(s => s.Id == id, Token);
                var theirs = await second.Services.SingleAsync(s => s.Id == id, Token);
                mine.Name = "Renamed by the first";
                await first.SaveChangesAsync(Token);
                theirs.Name = "Renamed by the second";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Token));
                return 0;
            });
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Token));
        Assert.Equal("Renamed by the first", saved.Name);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Two_edits_of_a_services_hours_or_phones_cannot_both_win()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Hours Race Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).SaveAsync(db));
        await app.WithDatabaseAsync(async first =>
        {
            await app.WithDatabaseAsync(async second =>
            {
                var mine = await first.Services.Include(s => s.Schedules).SingleAsync(s => s.Id == id, Token);
                var theirs = await second.Services.Include(s => s.Phones).SingleAsync(s => s.Id == id, Token);
                mine.Schedules[0].ClosesAt = new LocalTime(18, 0);
                await first.SaveChangesAsync(Token);
                theirs.Phones[0].Number = "+13125550199";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Token));
                return 0;
            });
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().Include(s => s.Phones).SingleAsync(s => s.Id == id, Token));
        Assert.Equal(1, saved.Version);
        Assert.Equal("+13125550123", saved.Phones[0].Number);
    }

    [Fact]
    public async Task Every_change_to_a_listing_its_hours_or_its_organization_moves_it_up_the_publish_sequence()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Sequence Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).SaveAsync(db));
        async Task<(long Listing, long Counter)> ReadAsync() => await app.WithDatabaseAsync(async db => (
            await db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token),
            await db.PublishCounters.Select(c => c.Value).SingleAsync(Token)));

        var created = await ReadAsync();
        Assert.Equal(created.Counter, created.Listing);
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.Include(s => s.Schedules).SingleAsync(s => s.Id == id, Token);
            service.Schedules[0].ClosesAt = new LocalTime(16, 0);
            return await db.SaveChangesAsync(Token);
        });
        var rescheduled = await ReadAsync();
        Assert.True(rescheduled.Listing > created.Listing);
        await app.WithDatabaseAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Services.Any(s => s.Id == id), Token);
            organization.Name = "Renamed Network";
            return await db.SaveChangesAsync(Token);
        });
        var renamed = await ReadAsync();
        Assert.True(renamed.Listing > rescheduled.Listing);
        Assert.Equal(renamed.Counter, renamed.Listing);
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = service.Name; // no change: no new sequence
            return await db.SaveChangesAsync(Token);
        });
        Assert.Equal(renamed, await ReadAsync());
    }

    [Fact]
    public async Task A_place_made_approximate_without_loading_its_listing_reaches_search_and_hides_its_point()
    {
        app.SkipIfUnavailable();
        var (id, locationId) = await app.WithDatabaseAsync(async db =>
        {
            var listing = new TestListing("Quokka Shelter Visible");
            await listing.SaveAsync(db);
            return (listing.Service.Id, listing.Location.Id);
        });
        var before = await Client().GetStringAsync("/api/v1/services?q=quokka", Token);
        Assert.Contains("41.842987", before, StringComparison.Ordinal);

        await app.WithDatabaseAsync(async db =>
        {
            var place = await db.Locations.SingleAsync(l => l.Id == locationId, Token); // the listing itself is not loaded
            place.Visibility = LocationVisibility.Approximate;
            return await db.SaveChangesAsync(Token);
        });

        var after = await Client().GetStringAsync("/api/v1/services?q=quokka", Token);
        Assert.Contains(id.ToString(), after, StringComparison.Ordinal);
        Assert.DoesNotContain("41.842987", after, StringComparison.Ordinal);
        Assert.DoesNotContain("-87.718123", await Client().GetStringAsync("/api/v1/services.geojson?q=quokka", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_edited_on_its_own_moves_its_listing_up_the_publish_sequence()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Lone Phone Pantry").SaveAsync(db));
        var before = await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token));
        await app.WithDatabaseAsync(async db =>
        {
            var phone = await db.Phones.SingleAsync(p => p.ServiceId == id, Token);
            phone.Number = "+13125550177";
            return await db.SaveChangesAsync(Token);
        });
        var after = await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token));
        Assert.True(after > before, $"{before} -> {after}");
    }

    [Fact]
    public async Task An_edit_posted_with_an_old_version_is_refused_even_from_a_fresh_read()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Posted Version Pantry").SaveAsync(db));
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = "First edit";
            await db.SaveChangesAsync(Token); // now at version 1
            return 0;
        });
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            db.ExpectVersion(service, 0);   // the form was built from version 0
            service.Name = "Edit from a stale form";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Token));
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Token));
        Assert.Equal("First edit", saved.Name);
    }

    private async Task<long> CompressedSizeAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await Client().SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        return (await response.Content.ReadAsByteArrayAsync(Token)).LongLength;
    }

    // A script, stylesheet, image, frame or font fetched from any other origin.
    [GeneratedRegex("<(script|link|img|iframe|source|object)\\b[^>]*(src|href)=\"(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ForeignResource();
}

public sealed class SqliteResidentPagesTests(SqliteDirectoryApp app) : ResidentPagesTests(app), IClassFixture<SqliteDirectoryApp>;

public sealed class PostgresResidentPagesTests(PostgresDirectoryApp app) : ResidentPagesTests(app), IClassFixture<PostgresDirectoryApp>;
