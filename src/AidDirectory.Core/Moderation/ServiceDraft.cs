using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Translations;
using NodaTime;

namespace AidDirectory.Core.Moderation;

/// <summary>
/// Everything a listing shows, as an organization proposes it: the snapshot a submission stores whole and
/// the shape the diff compares. <see cref="Of"/> captures a published service the same way, so a diff is
/// always between two drafts.
/// </summary>
public sealed record ServiceDraft
{
    public required string Name { get; init; }
    public string? Description { get; init; }
    public string WrittenIn { get; init; } = "en";
    /// <summary>Name and description in other languages (ISO 639-1 code → text).</summary>
    public Dictionary<string, string> NameTranslations { get; init; } = [];
    public Dictionary<string, string> DescriptionTranslations { get; init; } = [];
    public string? EligibilityDescription { get; init; }
    public string? Url { get; init; }
    public string? Email { get; init; }
    public ServiceStatus Status { get; init; } = ServiceStatus.Active;
    public string? StatusReason { get; init; }
    public LocalDate? ExpectedReopening { get; init; }
    public List<string> Categories { get; init; } = [];
    public List<string> Languages { get; init; } = [];
    public CostKind? Cost { get; init; }
    public DocumentsRequired? DocumentsRequired { get; init; }
    public bool? AsksImmigrationStatus { get; init; }
    public AccessMode? Access { get; init; }
    public bool DeliveryAvailable { get; init; }
    public LegalProvider? LegalProvider { get; init; }
    public bool? InterpretationOnRequest { get; init; }
    public List<string> InterpretationLanguages { get; init; } = [];
    public string? HoursText { get; init; }
    public List<PhoneDraft> Phones { get; init; } = [];
    public List<HoursDraft> Hours { get; init; } = [];
    public List<PlaceDraft> Places { get; init; } = [];
    public List<AreaDraft> ServiceAreas { get; init; } = [];

    public static ServiceDraft Of(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new ServiceDraft
        {
            Name = service.Name,
            Description = service.Description,
            WrittenIn = service.WrittenIn,
            NameTranslations = service.NameTranslations.Values.ToDictionary(),
            DescriptionTranslations = service.DescriptionTranslations.Values.ToDictionary(),
            EligibilityDescription = service.EligibilityDescription,
            Url = service.Url,
            Email = service.Email,
            Status = service.Status,
            StatusReason = service.StatusReason,
            ExpectedReopening = service.ExpectedReopening,
            Categories = service.Categories.Select(c => c.Code).Order(StringComparer.Ordinal).ToList(),
            Languages = [.. service.Languages],
            Cost = service.Cost,
            DocumentsRequired = service.DocumentsRequired,
            AsksImmigrationStatus = service.AsksImmigrationStatus,
            Access = service.Access,
            DeliveryAvailable = service.DeliveryAvailable,
            LegalProvider = service.LegalProvider,
            InterpretationOnRequest = service.InterpretationOnRequest,
            InterpretationLanguages = [.. service.InterpretationLanguages],
            HoursText = service.HoursText,
            Phones = service.Phones.OrderBy(p => p.SortOrder).Select(p => new PhoneDraft(p.Number, p.Extension, p.Description)).ToList(),
            Hours = HoursDraft.InReadingOrder(service.Schedules.Select(HoursDraft.Of)),
            Places = service.ServiceAtLocations.Select(sal => PlaceDraft.Of(sal.Location)).ToList(),
            ServiceAreas = service.ServiceAreas.Select(a => new AreaDraft(a.Name, a.Description, [.. a.CommunityAreaNumbers], [.. a.PostalCodes], a.Extent?.AsText())).ToList(),
        };
    }

    /// <summary>
    /// Writes the draft's own fields onto a service: the inverse of <see cref="Of"/> for everything that is
    /// not a row of its own (categories, phones, hours, places and areas need the database and are written
    /// by the publisher).
    /// </summary>
    public void ApplyTo(Service service)
    {
        ArgumentNullException.ThrowIfNull(service);
        service.Name = Name;
        service.Description = Description;
        service.WrittenIn = WrittenIn;
        service.NameTranslations = new LocalizedText(NameTranslations);
        service.DescriptionTranslations = new LocalizedText(DescriptionTranslations);
        service.EligibilityDescription = EligibilityDescription;
        service.Url = Url;
        service.Email = Email;
        service.Status = Status;
        service.StatusReason = StatusReason;
        service.ExpectedReopening = ExpectedReopening;
        service.Languages = [.. Languages];
        service.Cost = Cost;
        service.DocumentsRequired = DocumentsRequired;
        service.AsksImmigrationStatus = AsksImmigrationStatus;
        service.Access = Access;
        service.DeliveryAvailable = DeliveryAvailable;
        service.LegalProvider = LegalProvider;
        service.InterpretationOnRequest = InterpretationOnRequest;
        service.InterpretationLanguages = [.. InterpretationLanguages];
        service.HoursText = HoursText;
    }
}

/// <summary>A phone as proposed: E.164 number.</summary>
public sealed record PhoneDraft(string Number, string? Extension, string? Description);

/// <summary>One schedule row as proposed (see <see cref="Schedule"/> for the meaning of each field).</summary>
public sealed record HoursDraft(
    ScheduleKind Kind,
    IsoDayOfWeek? Weekday,
    LocalTime? OpensAt,
    LocalTime? ClosesAt,
    LocalDate? ValidFrom = null,
    LocalDate? ValidTo = null,
    string? Description = null)
{
    public static HoursDraft Of(Schedule s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Kind, s.Weekday, s.OpensAt, s.ClosesAt, s.ValidFrom, s.ValidTo, s.Description);
    }

    public Schedule ToSchedule() => new()
    {
        Kind = Kind, Weekday = Weekday, OpensAt = OpensAt, ClosesAt = ClosesAt,
        ValidFrom = ValidFrom, ValidTo = ValidTo, Description = Description,
    };

    /// <summary>Weekly rows by day and time, then dated rows by date: the order people read hours in.</summary>
    public static List<HoursDraft> InReadingOrder(IEnumerable<HoursDraft> hours) =>
        hours.OrderBy(h => h.Kind).ThenBy(h => h.Weekday).ThenBy(h => h.ValidFrom).ThenBy(h => h.OpensAt).ToList();
}

/// <summary>A place as proposed. <see cref="LocationId"/> names a published place the service keeps using.</summary>
public sealed record PlaceDraft
{
    public Guid? LocationId { get; init; }
    public string? Name { get; init; }
    public string? Address1 { get; init; }
    public string? Address2 { get; init; }
    public string? City { get; init; }
    public string? StateProvince { get; init; }
    public string? PostalCode { get; init; }
    public double? Latitude { get; init; }
    public double? Longitude { get; init; }
    public LocationVisibility Visibility { get; init; } = LocationVisibility.Exact;
    public bool? WheelchairAccessible { get; init; }

    public static PlaceDraft Of(Location location)
    {
        ArgumentNullException.ThrowIfNull(location);
        return new PlaceDraft
        {
            LocationId = location.Id,
            Name = location.Name,
            Address1 = location.Address1,
            Address2 = location.Address2,
            City = location.City,
            StateProvince = location.StateProvince,
            PostalCode = location.PostalCode,
            Latitude = location.Point?.Y,
            Longitude = location.Point?.X,
            Visibility = location.Visibility,
            WheelchairAccessible = location.WheelchairAccessible,
        };
    }

    /// <summary>The address on one line, as a moderator reads it.</summary>
    public string AddressLine => string.Join(", ", new[] { Name, Address1, Address2, City, StateProvince, PostalCode }.Where(p => !string.IsNullOrWhiteSpace(p)));
}

/// <summary>Where a service without a fixed place serves; <paramref name="ExtentWkt"/> is a drawn extent (SRID 4326) as WKT.</summary>
public sealed record AreaDraft(string Name, string? Description, List<int> CommunityAreaNumbers, List<string> PostalCodes, string? ExtentWkt = null);
