using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;

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

public sealed class PhoneRow
{
    public string? Number { get; set; }
    public string? Extension { get; set; }
    public string? Description { get; set; }
}

public sealed class HoursRow
{
    public ScheduleKind Kind { get; set; } = ScheduleKind.Weekly;
    public NodaTime.IsoDayOfWeek? Weekday { get; set; }
    public string? From { get; set; }
    public string? To { get; set; }
    public string? Opens { get; set; }
    public string? Closes { get; set; }
    public string? Description { get; set; }

    public bool IsBlank => Weekday is null && string.IsNullOrWhiteSpace(From) && string.IsNullOrWhiteSpace(To)
        && string.IsNullOrWhiteSpace(Opens) && string.IsNullOrWhiteSpace(Closes) && string.IsNullOrWhiteSpace(Description);
}

public sealed class PlaceRow
{
    public Guid? LocationId { get; set; }
    public string? Name { get; set; }
    public string? Address1 { get; set; }
    public string? Address2 { get; set; }
    public string? City { get; set; }
    public string? StateProvince { get; set; }
    public string? PostalCode { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }
    public LocationVisibility Visibility { get; set; } = LocationVisibility.Exact;
    public bool? WheelchairAccessible { get; set; }

    /// <summary>The editor asks to drop this published place from the listing.</summary>
    public bool Remove { get; set; }

    public bool IsBlank => LocationId is null && new[] { Name, Address1, Address2, PostalCode, Latitude, Longitude }.All(string.IsNullOrWhiteSpace);
}

public sealed class AreaRow
{
    public string? Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Community areas by name or number, separated by commas.</summary>
    public string? CommunityAreas { get; set; }
    /// <summary>ZIP codes separated by commas or spaces.</summary>
    public string? PostalCodes { get; set; }

    /// <summary>A drawn extent from the source (WKT), kept as it is: the form does not edit shapes.</summary>
    public string? ExtentWkt { get; set; }

    public bool IsBlank => new[] { Name, Description, CommunityAreas, PostalCodes, ExtentWkt }.All(string.IsNullOrWhiteSpace);
}
