using AidDirectory.Core.Listings;
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
            ServiceAreas = service.ServiceAreas.Select(AreaDraft.Of).ToList(),
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
