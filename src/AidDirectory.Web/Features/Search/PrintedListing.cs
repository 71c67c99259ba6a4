using System.Globalization;
using System.Text.RegularExpressions;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Translations;
using AidDirectory.Web.Features.Shared;
using NodaTime;
using NodaTime.Utility;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// A <see cref="SearchCard"/> as paper shows it (a flyer, a printed list): everything needed without a link to follow.
/// Where it is comes only from the <see cref="ShownLocation"/>: an Approximate or Hidden address is never printed.
/// </summary>
public sealed partial record PrintedListing(
    int Number,
    Guid Id,
    Translated Name,
    string Organization,
    ShownLocation? Location,
    string? Neighborhood,
    IReadOnlyList<string> Phones,
    IReadOnlyList<string> Hours,
    CostKind? Cost,
    ServiceStatus Status)
{
    /// <summary>The street address on one line, or null when residents may not see it.</summary>
    public string? Address => Location is { Visibility: LocationVisibility.Exact, Address1: { } street }
        ? string.Join(", ", new[] { street, Location.Address2, Location.City, $"{Location.StateProvince} {Location.PostalCode}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)))
        : null;

    public static IReadOnlyList<PrintedListing> From(IEnumerable<SearchCard> cards, ResidentFormat format, string allDay)
    {
        ArgumentNullException.ThrowIfNull(cards);
        ArgumentNullException.ThrowIfNull(format);
        return cards.Select(card => new PrintedListing(
            card.Number,
            card.Id,
            card.Name,
            card.Organization,
            card.Location,
            card.Neighborhood,
            card.Phones.Select(p => ForPaper(format.PhoneForDisplay(p.Number)) + (p.Extension is null ? "" : " x" + p.Extension)).ToList(),
            WeekHours(card.Hours, allDay),
            card.Cost,
            card.Status)).ToList();
    }

    /// <summary>"(312) 555-0100" as "312-555-0100": one run of digits that reads the same in a right-to-left line.</summary>
    public static string ForPaper(string phone) => AreaCode().Replace(phone, "$1-");

    [GeneratedRegex(@"^\((\d{3})\) ")]
    private static partial Regex AreaCode();

    /// <summary>
    /// The weekly hours in as few lines as they can be said, in the current culture: days with the same
    /// hours side by side are joined ("Mon–Fri 9:00 – 17:00").
    /// </summary>
    public static IReadOnlyList<string> WeekHours(OpeningHours hours, string allDay)
    {
        ArgumentNullException.ThrowIfNull(hours);
        var culture = CultureInfo.CurrentUICulture;
        string Day(IsoDayOfWeek d) => culture.DateTimeFormat.GetAbbreviatedDayName(BclConversions.ToDayOfWeek(d));
        var week = Enumerable.Range(1, 7).Select(d => (IsoDayOfWeek)d).Select(day => (Day: day, Times: string.Join(", ",
            hours.Weekly.Where(w => w.Weekday == day).Select(w => w.OpensAt == w.ClosesAt ? allDay : $"{w.OpensAt!.Value.ToString("t", culture)} – {w.ClosesAt!.Value.ToString("t", culture)}"))))
            .ToList();
        var lines = new List<string>();
        for (var i = 0; i < week.Count;)
        {
            var end = i;
            while (end + 1 < week.Count && week[end + 1].Times == week[i].Times)
            {
                end++;
            }

            if (week[i].Times.Length > 0)
            {
                var days = end == i ? Day(week[i].Day) : $"{Day(week[i].Day)}–{Day(week[end].Day)}";
                lines.Add($"{days} {week[i].Times}");
            }

            i = end + 1;
        }

        return lines;
    }
}
