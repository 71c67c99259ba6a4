using System.Net;
using System.Net.Http.Headers;
using AidDirectory.Core.Listings;
using AidDirectory.Web.Tests.Infrastructure;
using NodaTime;

namespace AidDirectory.Web.Tests.Listings;

/// <summary>A listing's page: what a resident needs before leaving home, and how little it weighs. Runs on SQLite and on PostgreSQL.</summary>
public abstract class ListingPageTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

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
        var (status, html, _) = await app.GetPageAsync($"/es/service/{id}");
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
        var (_, html, _) = await app.GetPageAsync($"/es/service/{id}");
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
        var (_, html, _) = await app.GetPageAsync($"/en/service/{id}");
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
        var (_, html, _) = await app.GetPageAsync($"/en/service/{id}");
        Assert.Contains("Temporarily closed.", html, StringComparison.Ordinal);
        Assert.Contains("Flooded basement", html, StringComparison.Ordinal);
        Assert.Contains("Expected to reopen on Monday, December 7, 2026.", html, StringComparison.Ordinal);
        Assert.Contains("Closed: see the notice above", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Open now", html, StringComparison.Ordinal); // its Monday hours would say so
    }

    [Theory]
    [InlineData("en")]
    [InlineData("es")]
    [InlineData("pl")]
    [InlineData("zh")]
    [InlineData("ar")]
    public async Task The_listing_page_weighs_under_14_KB_compressed_with_its_stylesheet(string language)
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
        var page = await CompressedSizeAsync($"/{language}/service/{id}");
        var css = await CompressedSizeAsync("/css/site.css");
        TestContext.Current.TestOutputHelper?.WriteLine($"{language} listing page {page} B + stylesheet {css} B compressed = {page + css} B");
        Assert.InRange(page + css, 1, 14 * 1024);
    }

    private async Task<long> CompressedSizeAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        var response = await app.ResidentClient().SendAsync(request, Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        return (await response.Content.ReadAsByteArrayAsync(Token)).LongLength;
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteListingPageTests(SqliteDirectoryApp app) : ListingPageTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresListingPageTests(PostgresDirectoryApp app) : ListingPageTests(app);
