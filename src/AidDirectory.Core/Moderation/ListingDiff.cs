using System.Globalization;
using AidDirectory.Core.Schedules;
using NodaTime;
using NodaTime.Text;

namespace AidDirectory.Core.Moderation;

/// <summary>
/// What a submission changes, field by field, in words a moderator reads: hours as "Saturday: 9:00–12:00 →
/// closed", phones and places as lines added or removed. Against no published record (a new listing),
/// every field that has a value is a change from nothing.
/// </summary>
public static class ListingDiff
{
    private static readonly LocalTimePattern Clock = LocalTimePattern.CreateWithInvariantCulture("H:mm");
    private static readonly LocalDatePattern Day = LocalDatePattern.Iso;

    public static IReadOnlyList<FieldChange> Between(ServiceDraft? published, ServiceDraft proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var changes = new List<FieldChange>();
        void Field(string field, Func<ServiceDraft, object?> read)
        {
            var before = published is null ? null : Text(read(published));
            var after = Text(read(proposed));
            if (!string.Equals(before, after, StringComparison.Ordinal))
            {
                changes.Add(new FieldChange(field, before, after));
            }
        }

        Field("Name", d => d.Name);
        Field("Description", d => d.Description);
        Field("Written in", d => d.WrittenIn);
        foreach (var language in Languages(published?.NameTranslations, proposed.NameTranslations))
        {
            Field($"Name ({language})", d => d.NameTranslations.GetValueOrDefault(language));
        }

        foreach (var language in Languages(published?.DescriptionTranslations, proposed.DescriptionTranslations))
        {
            Field($"Description ({language})", d => d.DescriptionTranslations.GetValueOrDefault(language));
        }

        Field("Who it is for", d => d.EligibilityDescription);
        Field("Website", d => d.Url);
        Field("Email", d => d.Email);
        Field("Status", d => d.Status);
        Field("Status reason", d => d.StatusReason);
        Field("Expected reopening", d => d.ExpectedReopening);
        Field("Categories", d => d.Categories.Order(StringComparer.Ordinal));
        Field("Languages spoken", d => d.Languages.Order(StringComparer.Ordinal));
        Field("Cost", d => d.Cost);
        Field("Documents required", d => d.DocumentsRequired);
        Field("Asks immigration status", d => d.AsksImmigrationStatus);
        Field("Walk-in or appointment", d => d.Access);
        Field("Delivery available", d => d.DeliveryAvailable);
        Field("Legal help given by", d => d.LegalProvider);
        Field("Interpretation on request", d => d.InterpretationOnRequest);
        Field("Interpretation languages", d => d.InterpretationLanguages.Order(StringComparer.Ordinal));
        Field("Hours as written", d => d.HoursText);
        if (published is null || HasWeeklyHours(published) == HasWeeklyHours(proposed))
        {
            foreach (var day in Days)
            {
                Field(day.ToString(), d => WeeklyHours(d, day));
            }
        }
        else
        {
            // Weekly hours given on one side only: one line, not seven "closed → not given".
            Field("Weekly hours", d => HasWeeklyHours(d) ? string.Join("; ", Days.Where(day => WeeklyHours(d, day) != "closed").Select(day => $"{day} {WeeklyHours(d, day)}")) : "not given");
        }

        Lines(changes, "Hours exception or event", published?.Hours.Where(h => h.Kind != ScheduleKind.Weekly).Select(Dated), proposed.Hours.Where(h => h.Kind != ScheduleKind.Weekly).Select(Dated));
        Lines(changes, "Phone", published?.Phones.Select(Phone), proposed.Phones.Select(Phone));
        Lines(changes, "Place", published?.Places.Select(Place), proposed.Places.Select(Place));
        Lines(changes, "Service area", published?.ServiceAreas.Select(Area), proposed.ServiceAreas.Select(Area));
        return changes;
    }

    private static readonly IsoDayOfWeek[] Days = Enum.GetValues<IsoDayOfWeek>().Where(d => d != IsoDayOfWeek.None).ToArray();

    private static bool HasWeeklyHours(ServiceDraft draft) => draft.Hours.Any(h => h.Kind == ScheduleKind.Weekly);

    /// <summary>A weekday's weekly hours, "9:00–12:00, 13:00–17:00"; "closed" when it has none but other days do; null when no weekly hours are given.</summary>
    public static string? WeeklyHours(ServiceDraft draft, IsoDayOfWeek day)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var weekly = draft.Hours.Where(h => h.Kind == ScheduleKind.Weekly).ToList();
        if (weekly.Count == 0)
        {
            return null;
        }

        var today = weekly.Where(h => h.Weekday == day).OrderBy(h => h.OpensAt).Select(Interval).ToList();
        return today.Count == 0 ? "closed" : string.Join(", ", today);
    }

    private static string Interval(HoursDraft h) =>
        h.OpensAt == LocalTime.Midnight && h.ClosesAt == LocalTime.Midnight ? "all day"
        : $"{Time(h.OpensAt)}–{Time(h.ClosesAt)}{Season(h)}";

    private static string Season(HoursDraft h) => (h.ValidFrom, h.ValidTo) switch
    {
        (null, null) => "",
        ({ } from, null) => $" (from {Day.Format(from)})",
        (null, { } to) => $" (until {Day.Format(to)})",
        ({ } from, { } to) => $" ({Day.Format(from)} to {Day.Format(to)})",
    };

    private static string Dated(HoursDraft h)
    {
        var dates = h.ValidTo is { } to && to != h.ValidFrom ? $"{Date(h.ValidFrom)} to {Day.Format(to)}" : Date(h.ValidFrom);
        var what = h.Kind switch
        {
            ScheduleKind.Closed => $"Closed {dates}",
            ScheduleKind.SpecialHours => $"Special hours {dates}, {Time(h.OpensAt)}–{Time(h.ClosesAt)}",
            _ => $"Event {dates}, {Time(h.OpensAt)}–{Time(h.ClosesAt)}",
        };
        return string.IsNullOrWhiteSpace(h.Description) ? what : $"{what}: {h.Description}";
    }

    private static string Phone(PhoneDraft p) =>
        p.Number + (p.Extension is { Length: > 0 } ext ? $" ext. {ext}" : "") + (p.Description is { Length: > 0 } d ? $" ({d})" : "");

    private static string Place(PlaceDraft p) =>
        $"{(p.AddressLine.Length > 0 ? p.AddressLine : "no address")}; address shown: {p.Visibility}"
        + (p.Latitude is { } lat && p.Longitude is { } lon ? FormattableString.Invariant($"; point {lat:0.#####}, {lon:0.#####}") : "")
        + (p.WheelchairAccessible switch { true => "; wheelchair accessible", false => "; not wheelchair accessible", null => "" });

    private static string Area(AreaDraft a) =>
        a.Name
        + (a.CommunityAreaNumbers.Count > 0 ? $"; community areas {string.Join(", ", a.CommunityAreaNumbers.Order())}" : "")
        + (a.PostalCodes.Count > 0 ? $"; ZIP {string.Join(", ", a.PostalCodes.Order(StringComparer.Ordinal))}" : "")
        + (a.Description is { Length: > 0 } d ? $" ({d})" : "")
        + (a.ExtentWkt is { Length: > 0 } shape ? $"; drawn extent {shape.Length:N0} characters of WKT" : "");

    private static void Lines(List<FieldChange> changes, string field, IEnumerable<string>? before, IEnumerable<string> after)
    {
        var old = (before ?? []).ToList();
        var current = after.ToList();
        changes.AddRange(old.Except(current, StringComparer.Ordinal).Select(line => new FieldChange(field, line, null)));
        changes.AddRange(current.Except(old, StringComparer.Ordinal).Select(line => new FieldChange(field, null, line)));
    }

    private static IEnumerable<string> Languages(Dictionary<string, string>? before, Dictionary<string, string> after) =>
        (before?.Keys ?? Enumerable.Empty<string>()).Union(after.Keys).Order(StringComparer.Ordinal);

    private static string Time(LocalTime? time) => time is { } t ? Clock.Format(t) : "?";

    private static string Date(LocalDate? date) => date is { } d ? Day.Format(d) : "?";

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s.Trim(),
        bool b => b ? "yes" : "no",
        LocalDate d => Day.Format(d),
        IEnumerable<string> list => list.ToList() is { Count: > 0 } items ? string.Join(", ", items) : null,
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
