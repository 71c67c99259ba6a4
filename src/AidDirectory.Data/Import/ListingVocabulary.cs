using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using NodaTime;
using NodaTime.Text;

namespace AidDirectory.Data.Import;

/// <summary>The words and formats of services/*.ndjson for each closed set of values, and how a wrong one is reported.</summary>
internal static class ListingVocabulary
{
    public static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH:mm");
    public static readonly Dictionary<string, IsoDayOfWeek> Days = new(StringComparer.Ordinal)
    {
        ["MO"] = IsoDayOfWeek.Monday, ["TU"] = IsoDayOfWeek.Tuesday, ["WE"] = IsoDayOfWeek.Wednesday,
        ["TH"] = IsoDayOfWeek.Thursday, ["FR"] = IsoDayOfWeek.Friday, ["SA"] = IsoDayOfWeek.Saturday,
        ["SU"] = IsoDayOfWeek.Sunday,
    };

    public static T Parse<T>(string value, string field, Dictionary<string, T> names, List<string> errors) where T : struct
    {
        if (names.TryGetValue(value, out var parsed))
        {
            return parsed;
        }

        errors.Add($"{field} \"{value}\" must be one of {string.Join(", ", names.Keys)}.");
        return default;
    }

    public static T? ParseOptional<T>(string? value, string field, Dictionary<string, T> names, List<string> errors) where T : struct =>
        value is null ? null : Parse(value, field, names, errors);


    public static readonly Dictionary<string, ServiceStatus> StatusNames = new(StringComparer.Ordinal)
    {
        ["active"] = ServiceStatus.Active, ["temporarily_closed"] = ServiceStatus.TemporarilyClosed, ["closed"] = ServiceStatus.Closed,
    };
    public static readonly Dictionary<string, CostKind> CostNames = new(StringComparer.Ordinal)
    {
        ["free"] = CostKind.Free, ["sliding_scale"] = CostKind.SlidingScale, ["fee"] = CostKind.Fee,
    };
    public static readonly Dictionary<string, DocumentsRequired> DocumentNames = new(StringComparer.Ordinal)
    {
        ["none"] = DocumentsRequired.None, ["no_photo_id"] = DocumentsRequired.NoPhotoId, ["no_ssn"] = DocumentsRequired.NoSsn, ["other"] = DocumentsRequired.Other,
    };
    public static readonly Dictionary<string, AccessMode> AccessNames = new(StringComparer.Ordinal)
    {
        ["walk_in"] = AccessMode.WalkIn, ["appointment"] = AccessMode.Appointment, ["both"] = AccessMode.WalkInOrAppointment,
    };
    public static readonly Dictionary<string, LegalProvider> LegalNames = new(StringComparer.Ordinal)
    {
        ["attorney"] = LegalProvider.Attorney, ["accredited_representative"] = LegalProvider.AccreditedRepresentative,
    };
    public static readonly Dictionary<string, LocationVisibility> VisibilityNames = new(StringComparer.Ordinal)
    {
        ["exact"] = LocationVisibility.Exact, ["approximate"] = LocationVisibility.Approximate, ["hidden"] = LocationVisibility.Hidden,
    };
    public static readonly Dictionary<string, ScheduleKind> KindNames = new(StringComparer.Ordinal)
    {
        ["weekly"] = ScheduleKind.Weekly, ["closed"] = ScheduleKind.Closed, ["special_hours"] = ScheduleKind.SpecialHours, ["event"] = ScheduleKind.Event,
    };
}
