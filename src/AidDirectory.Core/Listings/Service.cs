using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Core.Translations;
using NodaTime;

namespace AidDirectory.Core.Listings;

/// <summary>
/// HSDS service, with the facts residents of our first deployment filter on as first-class fields.
/// A null fact means "the source did not say", which the page shows as unknown, never as "no".
/// </summary>
public sealed class Service : IPublishedRecord
{
    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public Organization Organization { get; set; } = null!;

    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>ISO 639-1 code of the language <see cref="Name"/> and <see cref="Description"/> are written in.</summary>
    public string WrittenIn { get; set; } = "en";
    public LocalizedText NameTranslations { get; set; } = LocalizedText.Empty;
    public LocalizedText DescriptionTranslations { get; set; } = LocalizedText.Empty;
    /// <summary>Who the service is for, as the organization words it (HSDS eligibility_description).</summary>
    public string? EligibilityDescription { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }

    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public string? StatusReason { get; set; }
    public LocalDate? ExpectedReopening { get; set; }

    /// <summary>ISO 639-1 codes of the languages staff speak.</summary>
    public List<string> Languages { get; set; } = [];
    public CostKind? Cost { get; set; }
    public DocumentsRequired? DocumentsRequired { get; set; }
    public bool? AsksImmigrationStatus { get; set; }
    public AccessMode? Access { get; set; }
    public bool DeliveryAvailable { get; set; }
    public LegalProvider? LegalProvider { get; set; }

    /// <summary>
    /// Whether staff arrange an interpreter when asked (HSDS keeps this as free text, <c>interpretation_services</c>).
    /// Null: the source did not say, never "no".
    /// </summary>
    public bool? InterpretationOnRequest { get; set; }
    /// <summary>ISO 639 codes of the languages an interpreter can be arranged in; empty with interpretation on request: any language asked for.</summary>
    public List<string> InterpretationLanguages { get; set; } = [];

    /// <summary>The hours as the source wrote them, shown when they could not be read into a schedule.</summary>
    public string? HoursText { get; set; }

    /// <summary>Where the listing came from: a key into <c>DataSource</c>, and how to find the row there.</summary>
    public required string SourceKey { get; set; }
    public string? SourceRecord { get; set; }
    /// <summary>Stable id of the source row; the import matches on it.</summary>
    public required string ExternalId { get; set; }
    /// <summary>When a moderator or the organization last confirmed the listing. Null: never since import.</summary>
    public Instant? LastVerifiedAt { get; set; }

    /// <summary>
    /// Since when several residents independently reported the listing closed (see <c>ModerationOptions</c>);
    /// residents are told to call first until a moderator decides. Null: no such warning.
    /// </summary>
    public Instant? ReportedClosedAt { get; set; }

    public int Version { get; private set; }

    /// <summary>The publish sequence value of the last change to this listing (see <see cref="PublishCounter"/>).</summary>
    public long PublishSequence { get; set; }

    public List<TaxonomyTerm> Categories { get; } = [];
    public List<Phone> Phones { get; } = [];
    public List<Schedule> Schedules { get; } = [];
    public List<ServiceAtLocation> ServiceAtLocations { get; } = [];
    public List<ServiceArea> ServiceAreas { get; } = [];
    public List<Contact> Contacts { get; } = [];
}
