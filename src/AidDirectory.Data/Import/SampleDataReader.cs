using System.Globalization;
using System.Text.Json;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Places;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Sources;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Core.Translations;
using Location = AidDirectory.Core.Locations.Location;
using Microsoft.VisualBasic.FileIO;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using NodaTime;
using NodaTime.Text;
using PhoneNumbers;

namespace AidDirectory.Data.Import;

/// <summary>
/// Reads the data folder (sources.json, taxonomy/, places/, services/*.ndjson) and checks every row,
/// collecting each problem with its file and line instead of stopping at the first.
/// </summary>
internal sealed class SampleDataReader(string folder, ModelLimits limits)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new GeoJsonConverterFactory() },
    };
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    private static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);
    private static readonly Dictionary<string, IsoDayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["MO"] = IsoDayOfWeek.Monday, ["TU"] = IsoDayOfWeek.Tuesday, ["WE"] = IsoDayOfWeek.Wednesday,
        ["TH"] = IsoDayOfWeek.Thursday, ["FR"] = IsoDayOfWeek.Friday, ["SA"] = IsoDayOfWeek.Saturday,
        ["SU"] = IsoDayOfWeek.Sunday,
    };

    private readonly ImportBatch _batch = new();
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    public async Task<ImportBatch> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(folder, "sources.json")))
        {
            _batch.Problems.Add(new ImportProblem("sources.json", 0, $"No sample data found in {folder}: sources.json is missing."));
            return _batch;
        }

        await ReadSourcesAsync(cancellationToken);
        await ReadCategoriesAsync(cancellationToken);
        await ReadOpenEligibilityAsync(cancellationToken);
        await ReadCommunityAreasAsync(cancellationToken);
        var gazetteer = new Gazetteer(_batch.Areas);
        await ReadZipCodesAsync(gazetteer, cancellationToken);
        var services = Path.Combine(folder, "services");
        foreach (var file in (Directory.Exists(services) ? Directory.EnumerateFiles(services, "*.ndjson") : []).Order(StringComparer.Ordinal))
        {
            await ReadListingsAsync(file, gazetteer, cancellationToken);
        }

        return _batch;
    }

    private async Task ReadSourcesAsync(CancellationToken cancellationToken)
    {
        const string file = "sources.json";
        var sources = await ReadJsonAsync<Dictionary<string, SourceRecord>>(file, cancellationToken);
        foreach (var (key, s) in sources ?? [])
        {
            if (s.Title is null || s.Publisher is null || s.AsOf is null || !LocalDatePattern.Iso.Parse(s.AsOf).TryGetValue(default, out var asOf))
            {
                Problem(file, 0, $"source \"{key}\" needs a title, a publisher and as_of as an ISO date (yyyy-mm-dd).");
                continue;
            }

            _batch.Sources.Add(new DataSource
            {
                Key = key, Title = s.Title, Publisher = s.Publisher, Dataset = s.Dataset, Portal = s.Portal,
                AsOf = asOf, Terms = s.Terms, Attribution = s.Attribution, Notes = s.Notes,
            });
        }
    }

    private async Task ReadCategoriesAsync(CancellationToken cancellationToken)
    {
        const string file = "taxonomy/categories.json";
        var categories = await ReadJsonAsync<List<CategoryRecord>>(file, cancellationToken) ?? [];
        foreach (var (c, index) in categories.Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(c.Slug) || c.Names?.GetValueOrDefault("en") is null || c.Names.GetValueOrDefault("es") is null)
            {
                Problem(file, 0, $"category #{index + 1} needs a slug and names in English and Spanish.");
                continue;
            }

            if (_batch.Terms.Any(t => t.Code == c.Slug))
            {
                Problem(file, 0, $"category \"{c.Slug}\" appears twice.");
                continue;
            }

            _batch.Terms.Add(new TaxonomyTerm
            {
                Code = c.Slug,
                Taxonomy = TaxonomyTerm.OurTaxonomy,
                Names = new LocalizedText(c.Names),
                Descriptions = new LocalizedText(c.Descriptions ?? []),
                Synonyms = c.Synonyms ?? [],
                SortOrder = index,
            });
        }
    }

    private async Task ReadOpenEligibilityAsync(CancellationToken cancellationToken)
    {
        const string file = "taxonomy/open_eligibility.csv";
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
        {
            return;
        }

        var text = await File.ReadAllTextAsync(path, cancellationToken);
        using var parser = new TextFieldParser(new StringReader(text)) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var header = parser.ReadFields() ?? [];
        var known = _batch.Terms.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var order = 1000;
        while (!parser.EndOfData)
        {
            var line = (int)parser.LineNumber;
            string[] fields;
            try
            {
                fields = parser.ReadFields() ?? [];
            }
            catch (MalformedLineException e)
            {
                Problem(file, (int)e.LineNumber, "is not a well-formed CSV row (check the quotes).");
                continue;
            }

            var row = header.Zip(fields).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal);
            var id = row.GetValueOrDefault("id");
            var category = row.GetValueOrDefault("category");
            if (string.IsNullOrEmpty(id) || string.IsNullOrEmpty(row.GetValueOrDefault("name_en")) || category is null || !known.Contains(category))
            {
                Problem(file, line, $"needs an id, a name_en and a known category (got \"{category}\").");
                continue;
            }

            if (_batch.Terms.Any(t => t.Code == "oe-" + id))
            {
                Problem(file, line, $"id {id} appears twice.");
                continue;
            }

            var parent = row.GetValueOrDefault("parent_id");
            _batch.Terms.Add(new TaxonomyTerm
            {
                Code = "oe-" + id,
                Taxonomy = TaxonomyTerm.OpenEligibility,
                ParentCode = string.IsNullOrEmpty(parent) ? category : "oe-" + parent,
                Names = new LocalizedText(new Dictionary<string, string> { ["en"] = row["name_en"], ["es"] = row.GetValueOrDefault("name_es") ?? "" }),
                SortOrder = order++,
            });
        }
    }

    private async Task ReadCommunityAreasAsync(CancellationToken cancellationToken)
    {
        const string file = "places/community_areas.geojson";
        if (!Exists(file))
        {
            return;
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, file), cancellationToken));
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry").Deserialize<Geometry>(Json);
            if (geometry is not MultiPolygon and not Polygon
                || !p.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out var areaNumber)
                || !p.TryGetProperty("slug", out var slug) || string.IsNullOrWhiteSpace(slug.GetString())
                || !p.TryGetProperty("name", out var name) || string.IsNullOrWhiteSpace(name.GetString()))
            {
                Problem(file, 0, $"community area #{_batch.Areas.Count + 1} needs a whole number, a name, a slug and a polygon.");
                continue;
            }

            if (_batch.Areas.Any(a => a.Number == areaNumber || a.Slug == slug.GetString()))
            {
                Problem(file, 0, $"community area {areaNumber} ({slug.GetString()}) appears twice.");
                continue;
            }

            geometry.SRID = 4326;
            _batch.Areas.Add(new CommunityArea
            {
                Number = areaNumber,
                Name = name.GetString()!,
                Slug = slug.GetString()!,
                AlternativeNames = p.TryGetProperty("alt_names", out var alt) ? alt.Deserialize<List<string>>() ?? [] : [],
                Boundary = geometry is Polygon polygon ? Geometry.CreateMultiPolygon([polygon]) : geometry,
            });
        }
    }

    private async Task ReadZipCodesAsync(Gazetteer gazetteer, CancellationToken cancellationToken)
    {
        const string file = "places/zip_codes.csv";
        if (!Exists(file))
        {
            return;
        }

        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, file), cancellationToken);
        foreach (var (text, index) in lines.Skip(1).Select((l, i) => (l, i + 2)).Where(l => l.l.Length > 0))
        {
            var cells = text.Split(',');
            if (cells.Length < 3 || cells[0].Length != 5 || !TryCoordinate(cells[1], cells[2], out var point))
            {
                Problem(file, index, "expected zip,latitude,longitude with a five-digit ZIP and a valid point.");
                continue;
            }

            if (_batch.Zips.Any(z => z.Code == cells[0]))
            {
                Problem(file, index, $"ZIP {cells[0]} appears twice.");
                continue;
            }

            _batch.Zips.Add(new ZipCode { Code = cells[0], Point = point, CommunityAreaNumber = gazetteer.AreaContaining(point)?.Number });
        }
    }

    private async Task ReadListingsAsync(string path, Gazetteer gazetteer, CancellationToken cancellationToken)
    {
        var file = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var sources = _batch.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
        var categories = _batch.Terms.Where(t => t.Taxonomy == TaxonomyTerm.OurTaxonomy).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var seen = _batch.Services.Select(s => s.Service.ExternalId).ToHashSet(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ListingRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<ListingRecord>(line, Json);
            }
            catch (JsonException e)
            {
                Problem(file, lineNumber, $"not a valid JSON object ({e.Message}).");
                continue;
            }

            var errors = new List<string>();
            var listing = record is null ? null : ToService(record, sources, categories, gazetteer, errors);
            if (listing is { } read)
            {
                errors.AddRange(limits.TooLong(read.Item1));
            }
            if (record?.Id is { } id && !seen.Add(id))
            {
                errors.Add($"id \"{id}\" is used by another listing.");
            }

            if (listing is null || errors.Count > 0)
            {
                Problem(file, lineNumber, string.Join(" ", errors.DefaultIfEmpty("empty line.")));
                continue;
            }

            _batch.Services.Add(new BatchListing(listing.Value.Item1, listing.Value.Item2, file, lineNumber));
        }
    }

    private (Service, List<string>)? ToService(ListingRecord r, HashSet<string> sources, HashSet<string> categories, Gazetteer gazetteer, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(r.Id)) errors.Add("id is required.");
        if (string.IsNullOrWhiteSpace(r.Name)) errors.Add("name is required.");
        if (r.Source is null || !sources.Contains(r.Source)) errors.Add($"source \"{r.Source}\" is not in sources.json.");
        if (string.IsNullOrWhiteSpace(r.Organization?.Id) || string.IsNullOrWhiteSpace(r.Organization.Name)) errors.Add("organization needs an id and a name.");
        if (r.Url is not null && !IsWebAddress(r.Url)) errors.Add($"url \"{r.Url}\" must be an http or https address.");
        if (r.Organization?.Url is not null && !IsWebAddress(r.Organization.Url)) errors.Add($"organization.url \"{r.Organization.Url}\" must be an http or https address.");
        var codes = r.Categories ?? [];
        if (codes.Count == 0) errors.Add("at least one category is required.");
        foreach (var unknown in codes.Where(c => !categories.Contains(c)))
        {
            errors.Add($"category \"{unknown}\" is unknown; use one of {string.Join(", ", categories.Order(StringComparer.Ordinal))}.");
        }

        var status = Parse(r.Status ?? "active", "status", StatusNames, errors);
        var cost = ParseOptional(r.Cost, "cost", CostNames, errors);
        var documents = ParseOptional(r.Documents, "documents", DocumentNames, errors);
        var access = ParseOptional(r.Access, "access", AccessNames, errors);
        var legal = ParseOptional(r.LegalProvider, "legal_provider", LegalNames, errors);
        var phones = (r.Phones ?? []).Select((p, i) => ToPhone(r.Id ?? "", p, i, errors)).ToList();
        var schedules = (r.Schedules ?? []).Select((s, i) => ToSchedule(r.Id ?? "", s, i, errors)).ToList();
        var location = r.Location is null ? null : ToLocation(r.Id ?? "", r.Location, gazetteer, errors);
        var areas = (r.ServiceAreas ?? []).Select((a, i) => ToServiceArea(r.Id ?? "", a, i, errors)).ToList();
        var contacts = (r.Contacts ?? []).Select((c, i) => ToContact(r.Id ?? "", c, i, errors)).ToList();
        LocalDate? reopening = null;
        if (r.ExpectedReopening is not null)
        {
            reopening = LocalDatePattern.Iso.Parse(r.ExpectedReopening).TryGetValue(default, out var d) ? d : null;
            if (reopening is null) errors.Add($"expected_reopening \"{r.ExpectedReopening}\" is not a date (yyyy-mm-dd).");
        }

        Instant? verified = null;
        if (r.LastVerified is not null)
        {
            verified = InstantPattern.General.Parse(r.LastVerified).TryGetValue(default, out var v) ? v : null;
            if (verified is null) errors.Add($"last_verified \"{r.LastVerified}\" is not a UTC time (yyyy-mm-ddThh:mm:ssZ).");
        }

        var languages = (r.Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList();
        foreach (var bad in languages.Where(l => l.Length is < 2 or > 3 || !l.All(char.IsAsciiLetterLower)))
        {
            errors.Add($"language \"{bad}\" is not an ISO 639 code such as es.");
        }

        if (errors.Count > 0)
        {
            return null;
        }

        var organizationId = StableId.For("organization", r.Organization!.Id!);
        if (!_batch.Organizations.ContainsKey(organizationId))
        {
            _batch.Organizations[organizationId] = new Organization { Id = organizationId, Name = Clean(r.Organization.Name)!, Website = Clean(r.Organization.Url) };
        }

        var service = new Service
        {
            Id = StableId.For("service", r.Id!),
            ExternalId = r.Id!,
            OrganizationId = organizationId,
            Name = Clean(r.Name)!,
            Description = Clean(r.Description),
            EligibilityDescription = Clean(r.Eligibility),
            Url = Clean(r.Url),
            Email = Clean(r.Email),
            Status = status,
            StatusReason = Clean(r.StatusReason),
            ExpectedReopening = reopening,
            Languages = languages,
            Cost = cost,
            DocumentsRequired = documents,
            AsksImmigrationStatus = r.AsksImmigrationStatus,
            Access = access,
            DeliveryAvailable = r.Delivery ?? false,
            LegalProvider = legal,
            HoursText = Clean(r.HoursText),
            SourceKey = r.Source!,
            SourceRecord = Clean(r.SourceRecord),
            LastVerifiedAt = verified,
        };
        service.Phones.AddRange(phones.OfType<Phone>().Select(p => { p.ServiceId = service.Id; return p; }));
        service.Schedules.AddRange(schedules.OfType<Schedule>().Select(s => { s.ServiceId = service.Id; return s; }));
        service.ServiceAreas.AddRange(areas.OfType<ServiceArea>().Select(a => { a.ServiceId = service.Id; return a; }));
        service.Contacts.AddRange(contacts.OfType<Contact>().Select(c => { c.ServiceId = service.Id; return c; }));
        if (location is not null)
        {
            location.WheelchairAccessible = r.Wheelchair;
            service.ServiceAtLocations.Add(new ServiceAtLocation
            {
                Id = StableId.For("service-at-location", r.Id!),
                ServiceId = service.Id,
                LocationId = location.Id,
                Location = location,
            });
        }

        return (service, codes.Distinct(StringComparer.Ordinal).ToList());
    }

    private Phone? ToPhone(string id, PhoneRecord p, int index, List<string> errors)
    {
        try
        {
            var number = _phones.Parse(p.Number ?? "", "US");
            if (_phones.IsValidNumber(number))
            {
                return new Phone
                {
                    Id = StableId.For("phone", $"{id}#{index}"),
                    Number = _phones.Format(number, PhoneNumberFormat.E164),
                    Extension = Clean(p.Extension),
                    Description = Clean(p.Description),
                    SortOrder = index,
                };
            }
        }
        catch (NumberParseException)
        {
            // Reported below with the number that failed.
        }

        errors.Add($"phone \"{p.Number}\" is not a valid phone number.");
        return null;
    }

    private ServiceArea? ToServiceArea(string id, ServiceAreaRecord a, int index, List<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(a.Name)) errors.Add($"service_areas #{index + 1} needs a name.");
        foreach (var unknown in (a.CommunityAreas ?? []).Where(n => _batch.Areas.All(x => x.Number != n)))
        {
            errors.Add($"service_areas #{index + 1}: community area {unknown} does not exist (1–77).");
        }

        foreach (var bad in (a.PostalCodes ?? []).Where(z => z.Length != 5 || !z.All(char.IsAsciiDigit)))
        {
            errors.Add($"service_areas #{index + 1}: \"{bad}\" is not a five-digit ZIP code.");
        }

        return errors.Count > before ? null : new ServiceArea
        {
            Id = StableId.For("service-area", $"{id}#{index}"),
            Name = Clean(a.Name)!,
            Description = Clean(a.Description),
            CommunityAreaNumbers = (a.CommunityAreas ?? []).Distinct().Order().ToList(),
            PostalCodes = (a.PostalCodes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        };
    }

    private Contact? ToContact(string id, ContactRecord c, int index, List<string> errors)
    {
        var before = errors.Count;
        if (c.Name is null && c.Title is null) errors.Add($"contacts #{index + 1} needs a name or a title.");
        if (c.Email is not null && !System.Net.Mail.MailAddress.TryCreate(c.Email.Trim(), out _)) errors.Add($"contacts #{index + 1}: \"{c.Email}\" is not an email address.");
        var phone = c.Phone is null ? null : ToPhone(id, new PhoneRecord(c.Phone, null, null), index, errors)?.Number;
        return errors.Count > before ? null : new Contact
        {
            Id = StableId.For("contact", $"{id}#{index}"),
            Name = Clean(c.Name),
            Title = Clean(c.Title),
            Email = Clean(c.Email),
            Phone = phone,
        };
    }

    private static Schedule? ToSchedule(string id, ScheduleRecord s, int index, List<string> errors)
    {
        var before = errors.Count;
        var kind = Parse(s.Kind ?? "weekly", "schedules.kind", KindNames, errors);
        var schedule = new Schedule
        {
            Id = StableId.For("schedule", $"{id}#{index}"),
            Kind = kind,
            Weekday = s.Byday is null ? null : Days.TryGetValue(s.Byday, out var day) ? day : Fail<IsoDayOfWeek>(errors, $"byday \"{s.Byday}\" must be one of MO TU WE TH FR SA SU."),
            OpensAt = s.OpensAt is null ? null : Time.Parse(s.OpensAt).TryGetValue(default, out var opens) ? opens : Fail<LocalTime>(errors, $"opens_at \"{s.OpensAt}\" must be HH:mm."),
            ClosesAt = s.ClosesAt is null ? null : Time.Parse(s.ClosesAt).TryGetValue(default, out var closes) ? closes : Fail<LocalTime>(errors, $"closes_at \"{s.ClosesAt}\" must be HH:mm."),
            ValidFrom = s.ValidFrom is null ? null : LocalDatePattern.Iso.Parse(s.ValidFrom).TryGetValue(default, out var from) ? from : Fail<LocalDate>(errors, $"valid_from \"{s.ValidFrom}\" must be yyyy-mm-dd."),
            ValidTo = s.ValidTo is null ? null : LocalDatePattern.Iso.Parse(s.ValidTo).TryGetValue(default, out var to) ? to : Fail<LocalDate>(errors, $"valid_to \"{s.ValidTo}\" must be yyyy-mm-dd."),
            Description = Clean(s.Description),
        };
        if (errors.Count > before)
        {
            return null;
        }

        if (schedule.Problem() is { } problem)
        {
            errors.Add($"schedule #{index + 1}: {problem}");
            return null;
        }

        return schedule;
    }

    private static Location? ToLocation(string id, LocationRecord l, Gazetteer gazetteer, List<string> errors)
    {
        var visibility = Parse(l.Visibility ?? "exact", "location.visibility", VisibilityNames, errors);
        Point? point = null;
        if (l.Latitude is not null || l.Longitude is not null)
        {
            if (!TryCoordinate(l.Latitude?.ToString(CultureInfo.InvariantCulture), l.Longitude?.ToString(CultureInfo.InvariantCulture), out var p))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"location ({l.Latitude}, {l.Longitude}) is not a valid latitude and longitude."));
                return null;
            }

            point = p;
        }

        // A hidden place may ship with nothing at all: residents are asked to call for the address.
        if (point is null && l.Address1 is null && visibility != LocationVisibility.Hidden)
        {
            errors.Add("a location needs an address or a point (or visibility \"hidden\").");
            return null;
        }

        return new Location
        {
            Id = StableId.For("location", id),
            Name = Clean(l.Name),
            Address1 = Clean(l.Address1),
            Address2 = Clean(l.Address2),
            City = Clean(l.City),
            StateProvince = Clean(l.StateProvince),
            PostalCode = Clean(l.PostalCode),
            Point = point,
            Visibility = visibility,
            CommunityAreaNumber = point is null ? null : gazetteer.AreaContaining(point)?.Number,
        };
    }

    // Only web addresses become links on a resident's page: never javascript:, data: or file:.
    private static bool IsWebAddress(string url) =>
        Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static bool TryCoordinate(string? latitude, string? longitude, out Point point)
    {
        point = null!;
        if (!double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || lat is < -90 or > 90 || lon is < -180 or > 180 || (lat == 0 && lon == 0))
        {
            return false;
        }

        point = Geometry.CreatePoint(new Coordinate(lon, lat));
        return true;
    }

    private async Task<T?> ReadJsonAsync<T>(string file, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, file);
        if (!Exists(file))
        {
            return default;
        }

        try
        {
            await using var stream = File.OpenRead(path);
            return await JsonSerializer.DeserializeAsync<T>(stream, Json, cancellationToken);
        }
        catch (JsonException e)
        {
            Problem(file, (int)(e.LineNumber ?? 0) + 1, $"not valid JSON ({e.Message}).");
            return default;
        }
    }

    private bool Exists(string file)
    {
        if (File.Exists(Path.Combine(folder, file)))
        {
            return true;
        }

        Problem(file, 0, "file is missing.");
        return false;
    }

    private void Problem(string file, int line, string message) => _batch.Problems.Add(new ImportProblem(file, line, message));

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static T? Fail<T>(List<string> errors, string message) where T : struct
    {
        errors.Add(message);
        return null;
    }

    private static T Parse<T>(string value, string field, Dictionary<string, T> names, List<string> errors) where T : struct
    {
        if (names.TryGetValue(value, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{field} \"{value}\" must be one of {string.Join(", ", names.Keys)}.");
        return default;
    }

    private static T? ParseOptional<T>(string? value, string field, Dictionary<string, T> names, List<string> errors) where T : struct =>
        value is null ? null : Parse(value, field, names, errors);

    private static readonly Dictionary<string, ServiceStatus> StatusNames = new(StringComparer.Ordinal)
    {
        ["active"] = ServiceStatus.Active, ["temporarily_closed"] = ServiceStatus.TemporarilyClosed, ["closed"] = ServiceStatus.Closed,
    };
    private static readonly Dictionary<string, CostKind> CostNames = new(StringComparer.Ordinal)
    {
        ["free"] = CostKind.Free, ["sliding_scale"] = CostKind.SlidingScale, ["fee"] = CostKind.Fee,
    };
    private static readonly Dictionary<string, DocumentsRequired> DocumentNames = new(StringComparer.Ordinal)
    {
        ["none"] = DocumentsRequired.None, ["no_photo_id"] = DocumentsRequired.NoPhotoId, ["no_ssn"] = DocumentsRequired.NoSsn, ["other"] = DocumentsRequired.Other,
    };
    private static readonly Dictionary<string, AccessMode> AccessNames = new(StringComparer.Ordinal)
    {
        ["walk_in"] = AccessMode.WalkIn, ["appointment"] = AccessMode.Appointment, ["both"] = AccessMode.WalkInOrAppointment,
    };
    private static readonly Dictionary<string, LegalProvider> LegalNames = new(StringComparer.Ordinal)
    {
        ["attorney"] = LegalProvider.Attorney, ["accredited_representative"] = LegalProvider.AccreditedRepresentative,
    };
    private static readonly Dictionary<string, LocationVisibility> VisibilityNames = new(StringComparer.Ordinal)
    {
        ["exact"] = LocationVisibility.Exact, ["approximate"] = LocationVisibility.Approximate, ["hidden"] = LocationVisibility.Hidden,
    };
    private static readonly Dictionary<string, ScheduleKind> KindNames = new(StringComparer.Ordinal)
    {
        ["weekly"] = ScheduleKind.Weekly, ["closed"] = ScheduleKind.Closed, ["special_hours"] = ScheduleKind.SpecialHours, ["event"] = ScheduleKind.Event,
    };
}
