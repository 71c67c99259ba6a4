using System.Text.Json.Serialization;

namespace AidDirectory.Data.Import;

// One line of data/services/*.ndjson, as written by data/curate/curate.py (snake_case JSON).
internal sealed record ListingRecord(
    string? Id,
    string? Source,
    OrganizationRecord? Organization,
    string? Name,
    string? Description,
    string? Eligibility,
    List<string>? Categories,
    List<string>? Languages,
    string? Cost,
    string? Documents,
    bool? AsksImmigrationStatus,
    string? Access,
    bool? Delivery,
    bool? Wheelchair,
    string? LegalProvider,
    string? Status,
    string? StatusReason,
    string? ExpectedReopening,
    LocationRecord? Location,
    List<PhoneRecord>? Phones,
    string? Url,
    string? Email,
    string? HoursText,
    List<ScheduleRecord>? Schedules,
    List<ServiceAreaRecord>? ServiceAreas,
    List<ContactRecord>? Contacts,
    string? SourceRecord,
    string? LastVerified);

internal sealed record ServiceAreaRecord(string? Name, string? Description, List<int>? CommunityAreas, List<string>? PostalCodes);

internal sealed record ContactRecord(string? Name, string? Title, string? Email, string? Phone);

internal sealed record OrganizationRecord(string? Id, string? Name, string? Url);

internal sealed record LocationRecord(
    string? Name,
    [property: JsonPropertyName("address_1")] string? Address1,
    [property: JsonPropertyName("address_2")] string? Address2,
    string? City,
    string? StateProvince,
    string? PostalCode,
    double? Latitude,
    double? Longitude,
    string? Visibility);

internal sealed record PhoneRecord(string? Number, string? Extension, string? Description);

internal sealed record ScheduleRecord(
    string? Kind,
    string? Byday,
    string? OpensAt,
    string? ClosesAt,
    string? ValidFrom,
    string? ValidTo,
    string? Description);

internal sealed record SourceRecord(
    string? Title,
    string? Publisher,
    string? Dataset,
    string? Portal,
    string? AsOf,
    string? Terms,
    string? Attribution,
    string? Notes);

internal sealed record CategoryRecord(
    string? Slug,
    Dictionary<string, string>? Names,
    Dictionary<string, string>? Descriptions,
    Dictionary<string, List<string>>? Synonyms,
    List<string>? OpenEligibility);
