using AidDirectory.Core.Listings;

namespace AidDirectory.Web.Features.Portal.Services;

/// <summary>
/// The listing form as posted: text as typed, so a wrong value comes back with its message and nothing
/// else is lost. <see cref="ServiceFormDraft"/> turns it into a checked <see cref="Core.Moderation.ServiceDraft"/>.
/// Rows (phones, hours, places, areas) keep every published row and add blank ones to fill in.
/// </summary>
public sealed class ServiceForm
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string WrittenIn { get; set; } = "en";
    public List<TranslationRow> Translations { get; set; } = [];
    public string? EligibilityDescription { get; set; }
    public string? Url { get; set; }
    public string? Email { get; set; }
    public ServiceStatus Status { get; set; } = ServiceStatus.Active;
    public string? StatusReason { get; set; }
    public string? ExpectedReopening { get; set; }
    public List<string> Categories { get; set; } = [];
    public List<string> Languages { get; set; } = [];
    public string? OtherLanguages { get; set; }
    public CostKind? Cost { get; set; }
    public DocumentsRequired? DocumentsRequired { get; set; }
    public bool? AsksImmigrationStatus { get; set; }
    public AccessMode? Access { get; set; }
    public bool DeliveryAvailable { get; set; }
    public LegalProvider? LegalProvider { get; set; }
    public bool? InterpretationOnRequest { get; set; }
    /// <summary>Language codes an interpreter can be arranged in, separated by commas; blank: any language asked for.</summary>
    public string? InterpretationLanguages { get; set; }
    public string? HoursText { get; set; }
    public List<PhoneRow> Phones { get; set; } = [];
    public List<HoursRow> Hours { get; set; } = [];
    public List<PlaceRow> Places { get; set; } = [];
    public List<AreaRow> Areas { get; set; } = [];
    public ContactInput Contact { get; set; } = new();

    /// <summary>The published listing as the form showed it (edits only), to detect a change made meanwhile.</summary>
    public string? BaseSnapshot { get; set; }

    /// <summary>The submission's version (resubmissions only), so a decision made meanwhile is not overwritten.</summary>
    public int? SubmissionVersion { get; set; }
}

public sealed class TranslationRow
{
    public string Language { get; set; } = "";
    public string? Name { get; set; }
    public string? Description { get; set; }
}
