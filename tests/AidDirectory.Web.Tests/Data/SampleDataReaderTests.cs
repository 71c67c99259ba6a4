using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using AidDirectory.Data.Import;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AidDirectory.Web.Tests.Data;

/// <summary>How a row of the sample data becomes HSDS objects, and how a bad row is reported. No database.</summary>
public sealed class SampleDataReaderTests : IDisposable
{
    private const string Good =
        """{"id":"t-1","source":"src","organization":{"id":"org-1","name":"Centro  Test ","url":null},"name":"Despensa Test","description":"Food every week","eligibility":"Families in Little Village","categories":["food","legal"],"languages":["ES","pl"],"cost":"free","documents":"no_ssn","asks_immigration_status":false,"access":"walk_in","delivery":true,"wheelchair":true,"legal_provider":"accredited_representative","status":"temporarily_closed","status_reason":"Repairs","expected_reopening":"2026-12-07","location":{"name":"Casa","address_1":"2700 S Millard Ave","address_2":null,"city":"Chicago","state_province":"IL","postal_code":"60623","latitude":41.842987,"longitude":-87.718123,"visibility":"approximate"},"phones":[{"number":"+13125550123","extension":"12","description":"Front desk"}],"url":null,"email":null,"hours_text":"Mon 9-5; Sat night","schedules":[{"byday":"MO","opens_at":"09:00","closes_at":"17:00"},{"byday":"SA","opens_at":"22:00","closes_at":"06:00"},{"kind":"closed","valid_from":"2026-11-26","valid_to":"2026-11-26","description":"Thanksgiving"}],"service_areas":[{"name":"Little Village","community_areas":[30],"postal_codes":["60623"]}],"contacts":[{"name":"Ana","title":"Intake","email":"ana@example.org","phone":"312-555-0100"}],"source_record":"row 1"}""";

    private const string Hotline =
        """{"id":"t-2","source":"src","organization":{"id":"org-1","name":"Centro Test","url":null},"name":"Línea","categories":["hotline"],"location":{"visibility":"hidden","city":"Chicago"},"phones":[{"number":"(855) 435-7693"}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("aid-reader-").FullName;

    public SampleDataReaderTests()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "services"));
        Directory.CreateDirectory(Path.Combine(_folder, "taxonomy"));
        Directory.CreateDirectory(Path.Combine(_folder, "places"));
        File.WriteAllText(Path.Combine(_folder, "sources.json"), """{"src":{"title":"Test roster","publisher":"City","as_of":"2016-06-01"}}""");
        File.WriteAllText(Path.Combine(_folder, "taxonomy", "categories.json"), """
            [{"slug":"food","names":{"en":"Food","es":"Comida"}},{"slug":"legal","names":{"en":"Legal","es":"Ayuda legal"}},{"slug":"hotline","names":{"en":"Hotlines","es":"Líneas"}}]
            """);
        File.WriteAllText(Path.Combine(_folder, "places", "community_areas.geojson"), """
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"number":30,"name":"South Lawndale","slug":"south-lawndale","alt_names":["La Villita"]},
            "geometry":{"type":"MultiPolygon","coordinates":[[[[-87.75,41.82],[-87.69,41.82],[-87.69,41.87],[-87.75,41.87],[-87.75,41.82]]]]}}]}
            """);
        File.WriteAllText(Path.Combine(_folder, "places", "zip_codes.csv"), "zip,latitude,longitude,community_area\n60623,41.8477,-87.7173,30\n");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<ImportBatch> ReadAsync(params string[] lines)
    {
        File.WriteAllLines(Path.Combine(_folder, "services", "test.ndjson"), lines);
        using var db = new SqliteDirectoryDbContext(new DbContextOptionsBuilder<SqliteDirectoryDbContext>().UseSqlite("Data Source=:memory:").Options);
        return new SampleDataReader(_folder, new ModelLimits(db.Model)).ReadAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_complete_row_becomes_an_hsds_service_with_its_location_phones_and_schedules()
    {
        var batch = await ReadAsync(Good);

        Assert.Empty(batch.Problems);
        var (service, categories, file, line) = Assert.Single(batch.Services);
        Assert.Equal(("services/test.ndjson", 1), (file, line));
        Assert.Equal(StableId.For("service", "t-1"), service.Id);
        Assert.Equal("Despensa Test", service.Name);
        Assert.Equal("Families in Little Village", service.EligibilityDescription);
        Assert.Equal("Centro Test", batch.Organizations[service.OrganizationId].Name);
        Assert.Equal(["food", "legal"], categories);
        Assert.Equal(["es", "pl"], service.Languages);
        Assert.Equal(CostKind.Free, service.Cost);
        Assert.Equal(DocumentsRequired.NoSsn, service.DocumentsRequired);
        Assert.False(service.AsksImmigrationStatus);
        Assert.Equal(AccessMode.WalkIn, service.Access);
        Assert.True(service.DeliveryAvailable);
        Assert.Equal(LegalProvider.AccreditedRepresentative, service.LegalProvider);
        Assert.Equal(ServiceStatus.TemporarilyClosed, service.Status);
        Assert.Equal(new LocalDate(2026, 12, 7), service.ExpectedReopening);
        Assert.Null(service.LastVerifiedAt);

        var phone = Assert.Single(service.Phones);
        Assert.Equal(("+13125550123", "12", service.Id), (phone.Number, phone.Extension, phone.ServiceId));

        var location = Assert.Single(service.ServiceAtLocations).Location;
        Assert.Equal(LocationVisibility.Approximate, location.Visibility);
        Assert.Equal(30, location.CommunityAreaNumber);
        Assert.Equal(-87.718123, location.Point!.X);
        Assert.Equal(4326, location.Point.SRID);
        Assert.True(location.WheelchairAccessible);

        var area = Assert.Single(service.ServiceAreas);
        Assert.Equal(("Little Village", 30, "60623"), (area.Name, Assert.Single(area.CommunityAreaNumbers), Assert.Single(area.PostalCodes)));
        var contact = Assert.Single(service.Contacts);
        Assert.Equal(("Ana", "ana@example.org", "+13125550100"), (contact.Name, contact.Email, contact.Phone));

        var hours = new OpeningHours(service.Schedules);
        Assert.Equal(3, service.Schedules.Count);
        Assert.All(service.Schedules, s => Assert.Equal(service.Id, s.ServiceId));
        Assert.True(hours.StateAt(new LocalDateTime(2026, 11, 29, 5, 0)).IsOpen);   // Saturday night, past midnight
        Assert.False(hours.StateAt(new LocalDateTime(2026, 11, 26, 10, 0)).IsOpen); // Thanksgiving
    }

    [Fact]
    public async Task A_hidden_place_may_have_no_address_and_phones_are_stored_as_e164()
    {
        var batch = await ReadAsync(Hotline);

        Assert.Empty(batch.Problems);
        var service = Assert.Single(batch.Services).Service;
        Assert.Equal("+18554357693", Assert.Single(service.Phones).Number);
        var location = Assert.Single(service.ServiceAtLocations).Location;
        Assert.Equal(LocationVisibility.Hidden, location.Visibility);
        Assert.Null(location.Point);
        Assert.Null(location.CommunityAreaNumber);
    }

    [Fact]
    public async Task Every_bad_row_is_reported_with_its_file_line_and_reason()
    {
        var batch = await ReadAsync(
            Good,
            "{not json",
            Good.Replace("\"+13125550123\"", "\"555-01\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-3\"", StringComparison.Ordinal),
            Good.Replace("\"MO\"", "\"XX\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-4\"", StringComparison.Ordinal),
            Good.Replace("\"17:00\"", "\"5pm\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-5\"", StringComparison.Ordinal),
            Good.Replace("\"source\":\"src\"", "\"source\":\"nowhere\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-6\"", StringComparison.Ordinal),
            Good.Replace("\"free\"", "\"cheap\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-7\"", StringComparison.Ordinal),
            Good,
            Good.Replace("\"latitude\":41.842987", "\"latitude\":241.8", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-9\"", StringComparison.Ordinal),
            Good.Replace("\"community_areas\":[30]", "\"community_areas\":[99]", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-10\"", StringComparison.Ordinal),
            Good.Replace("\"url\":null", "\"url\":\"javascript:alert(1)\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-11\"", StringComparison.Ordinal));

        var problems = batch.Problems.Select(p => p.ToString()).ToList();
        Assert.Collection(problems,
            p => Assert.StartsWith("services/test.ndjson:2: not a valid JSON object", p, StringComparison.Ordinal),
            p => Assert.Equal("services/test.ndjson:3: phone \"555-01\" is not a valid phone number.", p),
            p => Assert.Equal("services/test.ndjson:4: byday \"XX\" must be one of MO TU WE TH FR SA SU.", p),
            p => Assert.Equal("services/test.ndjson:5: closes_at \"5pm\" must be HH:mm.", p),
            p => Assert.Equal("services/test.ndjson:6: source \"nowhere\" is not in sources.json.", p),
            p => Assert.Equal("services/test.ndjson:7: cost \"cheap\" must be one of free, sliding_scale, fee.", p),
            p => Assert.Equal("services/test.ndjson:8: id \"t-1\" is used by another listing.", p),
            p => Assert.StartsWith("services/test.ndjson:9: location (241.8, -87.718123) is not a valid latitude and longitude.", p, StringComparison.Ordinal),
            p => Assert.Equal("services/test.ndjson:10: service_areas #1: community area 99 does not exist (1–77).", p),
            p => Assert.StartsWith("services/test.ndjson:11: url \"javascript:alert(1)\" must be an http or https address.", p, StringComparison.Ordinal));
        Assert.Single(batch.Services);
    }

    [Fact]
    public async Task A_quoted_csv_field_keeps_its_comma_and_line_break_and_later_rows_are_reported_at_their_own_line()
    {
        File.WriteAllText(Path.Combine(_folder, "taxonomy", "open_eligibility.csv"), string.Join('\n',
            "id,parent_id,category,name_en,name_es",
            "1,,food,\"Meals, hot",
            "and cold\",Comidas",
            "",
            "2,,nowhere,Lost,Perdida",
            "3,,food,\"Pantry\"s,Despensa",
            "4,1,food, Groceries ,\" Mercado \"",
            "5,,food,Shoe\"s,Zapatos",
            "6,,food"));

        var batch = await ReadAsync(Good);

        Assert.Equal(
            [
                "taxonomy/open_eligibility.csv:5: needs an id, a name_en and a known category (got \"nowhere\").",
                "taxonomy/open_eligibility.csv:6: is not a well-formed CSV row (check the quotes).",
                "taxonomy/open_eligibility.csv:9: needs an id, a name_en and a known category (got \"food\").",
            ],
            batch.Problems.Select(p => p.ToString()));
        var terms = batch.Terms.Where(t => t.Taxonomy == TaxonomyTerm.OpenEligibility).ToList();
        Assert.Equal(["oe-1", "oe-4", "oe-5"], terms.Select(t => t.Code));
        Assert.Equal(("food", "Meals, hot\nand cold", "Comidas"), (terms[0].ParentCode, terms[0].Names["en"], terms[0].Names["es"]));
        // Spaces around a field are trimmed, inside quotes too, and a quote inside an unquoted field is text.
        Assert.Equal(("oe-1", "Groceries", "Mercado"), (terms[1].ParentCode, terms[1].Names["en"], terms[1].Names["es"]));
        Assert.Equal("Shoe\"s", terms[2].Names["en"]);
        Assert.Equal([1000, 1001, 1002], terms.Select(t => t.SortOrder));
    }

    [Fact]
    public async Task A_bad_zip_code_row_is_reported_with_its_file_and_line()
    {
        File.WriteAllText(Path.Combine(_folder, "places", "zip_codes.csv"),
            "zip,latitude,longitude,community_area\n60623,41.8477,-87.7173,30\n\n6062,41.84,-87.71,30\n60623,41.8477,-87.7173,30\n60608,91,-87.7,31\n");

        var batch = await ReadAsync(Good);

        Assert.Equal(
            [
                "places/zip_codes.csv:4: expected zip,latitude,longitude with a five-digit ZIP and a valid point.",
                "places/zip_codes.csv:5: ZIP 60623 appears twice.",
                "places/zip_codes.csv:6: expected zip,latitude,longitude with a five-digit ZIP and a valid point.",
            ],
            batch.Problems.Select(p => p.ToString()));
        var zip = Assert.Single(batch.Zips);
        Assert.Equal(("60623", 30), (zip.Code, zip.CommunityAreaNumber));
    }

    [Fact]
    public async Task An_import_row_is_held_to_the_same_listing_rules_as_the_portals_form()
    {
        var batch = await ReadAsync(
            Good.Replace("\"latitude\":41.842987,\"longitude\":-87.718123", "\"latitude\":-87.718123,\"longitude\":41.842987", StringComparison.Ordinal),
            Good.Replace("\"postal_code\":\"60623\"", "\"postal_code\":\"6062\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-3\"", StringComparison.Ordinal),
            Good.Replace("\"email\":null", "\"email\":\"not-an-email\"", StringComparison.Ordinal).Replace("\"t-1\"", "\"t-4\"", StringComparison.Ordinal));

        // The same sentences the portal's form shows (ServiceDraftRules), under the row's file and line.
        var problems = batch.Problems.Select(p => p.ToString()).ToList();
        Assert.Collection(problems,
            p => Assert.Equal("services/test.ndjson:1: location: This point is outside Illinois and its neighbours: check that latitude (about 41.9 in Chicago) and longitude (about -87.7) are not swapped.", p),
            p => Assert.Equal("services/test.ndjson:2: location: \"6062\" is not a ZIP code: five digits, like 60618.", p),
            p => Assert.Equal("services/test.ndjson:3: email \"not-an-email\" is not an email address; write one like info@example.org.", p));
        Assert.Empty(batch.Services);
    }

    [Fact]
    public async Task A_missing_file_is_reported_and_the_other_files_are_still_read()
    {
        File.Delete(Path.Combine(_folder, "places", "zip_codes.csv"));

        var batch = await ReadAsync(Good);

        Assert.Equal("places/zip_codes.csv:0: file is missing.", Assert.Single(batch.Problems).ToString());
        Assert.Single(batch.Areas);
        Assert.Single(batch.Services);
    }
}
