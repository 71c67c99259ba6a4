using System.Globalization;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Core.Places;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using Location = AidDirectory.Core.Locations.Location;
using NetTopologySuite.Geometries;
using NodaTime;
using NodaTime.Text;
using PhoneNumbers;
using static AidDirectory.Data.Import.ListingVocabulary;

namespace AidDirectory.Data.Import;

/// <summary>
/// Turns one line of services/*.ndjson into an HSDS service with its organization, phones, schedules,
/// place, service areas and contacts, or into the reasons it cannot be one.
/// </summary>
internal sealed class ListingConverter(ImportBatch batch, Gazetteer gazetteer)
{
    private readonly HashSet<string> _sources = batch.Sources.Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<string> _categories = batch.Terms.Where(t => t.Taxonomy == TaxonomyTerm.OurTaxonomy).Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
    private readonly HashSet<int> _communityAreas = batch.Areas.Select(a => a.Number).ToHashSet();
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    public (Service Service, List<string> CategoryCodes)? ToService(ListingRecord r, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(r.Id)) errors.Add("id is required.");
        if (r.Source is null || !_sources.Contains(r.Source)) errors.Add($"source \"{r.Source}\" is not in sources.json.");
        if (string.IsNullOrWhiteSpace(r.Organization?.Id) || string.IsNullOrWhiteSpace(r.Organization.Name)) errors.Add("organization needs an id and a name.");
        var codes = (r.Categories ?? []).Distinct(StringComparer.Ordinal).ToList();
        var status = Parse(r.Status ?? "active", "status", StatusNames, errors);
        var cost = ParseOptional(r.Cost, "cost", CostNames, errors);
        var documents = ParseOptional(r.Documents, "documents", DocumentNames, errors);
        var access = ParseOptional(r.Access, "access", AccessNames, errors);
        var legal = ParseOptional(r.LegalProvider, "legal_provider", LegalNames, errors);
        var phones = (r.Phones ?? []).Select((p, i) => ToPhone(r.Id ?? "", p, i, errors)).ToList();
        var schedules = (r.Schedules ?? []).Select((s, i) => ToSchedule(r.Id ?? "", s, i, errors)).ToList();
        var location = r.Location is null ? null : ToLocation(r.Id ?? "", r.Location, errors);
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

        // The listing's own fields are read into a draft and checked by the same rules as the portal's form.
        var draft = new ServiceDraft
        {
            Name = Clean(r.Name) ?? "",
            Description = Clean(r.Description),
            EligibilityDescription = Clean(r.Eligibility),
            Url = Clean(r.Url),
            Email = Clean(r.Email),
            Status = status,
            StatusReason = Clean(r.StatusReason),
            ExpectedReopening = reopening,
            Categories = codes,
            Languages = (r.Languages ?? []).Select(l => l.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(),
            Cost = cost,
            DocumentsRequired = documents,
            AsksImmigrationStatus = r.AsksImmigrationStatus,
            Access = access,
            DeliveryAvailable = r.Delivery ?? false,
            LegalProvider = legal,
            HoursText = Clean(r.HoursText),
        };
        errors.AddRange(ServiceDraftRules.OfFacts(draft, _categories).Select(p => p.Message.StartsWith('"') ? $"{JsonName(p.Field)} {p.Message}" : $"{JsonName(p.Field)}: {p.Message}"));
        if (r.Organization?.Url is not null && !ServiceDraftRules.IsWebAddress(r.Organization.Url)) errors.Add($"organization.url \"{r.Organization.Url}\" must be an http or https address.");
        if (errors.Count > 0)
        {
            return null;
        }

        var organizationId = StableId.For("organization", r.Organization!.Id!);
        if (!batch.Organizations.ContainsKey(organizationId))
        {
            batch.Organizations[organizationId] = new Organization { Id = organizationId, Name = Clean(r.Organization.Name)!, Website = Clean(r.Organization.Url) };
        }

        var service = new Service
        {
            Id = StableId.For("service", r.Id!),
            ExternalId = r.Id!,
            OrganizationId = organizationId,
            Name = draft.Name,
            SourceKey = r.Source!,
            SourceRecord = Clean(r.SourceRecord),
            LastVerifiedAt = verified,
        };
        draft.ApplyTo(service);
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

        return (service, codes);
    }

    private Phone? ToPhone(string id, PhoneRecord p, int index, List<string> errors)
    {
        try
        {
            var number = _phones.Parse(p.Number ?? "", "US");
            if (_phones.IsValidNumber(number))
            {
                return new PhoneDraft(_phones.Format(number, PhoneNumberFormat.E164), Clean(p.Extension), Clean(p.Description))
                    .ToPhone(StableId.For("phone", $"{id}#{index}"), index);
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
        var draft = new AreaDraft(Clean(a.Name) ?? "", Clean(a.Description), (a.CommunityAreas ?? []).Distinct().Order().ToList(), (a.PostalCodes ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList());
        var problems = ServiceDraftRules.OfArea(draft, _communityAreas).Select(p => $"service_areas #{index + 1}: {p.Message}").ToList();
        errors.AddRange(problems);
        return problems.Count > 0 ? null : draft.ToServiceArea(StableId.For("service-area", $"{id}#{index}"));
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

        if (ServiceDraftRules.OfHours(HoursDraft.Of(schedule)) is { } problem)
        {
            errors.Add($"schedule #{index + 1}: {problem}");
            return null;
        }

        return schedule;
    }

    private Location? ToLocation(string id, LocationRecord l, List<string> errors)
    {
        var visibility = Parse(l.Visibility ?? "exact", "location.visibility", VisibilityNames, errors);
        Point? point = null;
        if (l.Latitude is not null || l.Longitude is not null)
        {
            if (!Coordinates.TryPoint(l.Latitude?.ToString(CultureInfo.InvariantCulture), l.Longitude?.ToString(CultureInfo.InvariantCulture), out var p))
            {
                errors.Add(string.Create(CultureInfo.InvariantCulture, $"location ({l.Latitude}, {l.Longitude}) is not a valid latitude and longitude."));
                return null;
            }

            point = p;
        }

        // A hidden place may ship with nothing at all: residents are asked to call for the address.
        var place = new PlaceDraft
        {
            Name = Clean(l.Name), Address1 = Clean(l.Address1), Address2 = Clean(l.Address2), City = Clean(l.City),
            StateProvince = Clean(l.StateProvince), PostalCode = Clean(l.PostalCode), Latitude = point?.Y, Longitude = point?.X, Visibility = visibility,
        };
        var problems = ServiceDraftRules.OfPlace(place).Select(p => $"location: {p.Message}").ToList();
        if (problems.Count > 0)
        {
            errors.AddRange(problems);
            return null;
        }

        var location = new Location { Id = StableId.For("location", id) };
        place.ApplyTo(location, gazetteer);
        return location;
    }

    // The field's name in services/*.ndjson, for messages about a draft field.
    private static string JsonName(string draftField) => draftField switch
    {
        nameof(ServiceDraft.Url) => "url",
        nameof(ServiceDraft.Email) => "email",
        nameof(ServiceDraft.Name) => "name",
        nameof(ServiceDraft.Description) => "description",
        nameof(ServiceDraft.Categories) => "category",
        nameof(ServiceDraft.Languages) => "language",
        _ => draftField,
    };


    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static T? Fail<T>(List<string> errors, string message) where T : struct
    {
        errors.Add(message);
        return null;
    }
}
