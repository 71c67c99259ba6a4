using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Moderation;
using AidDirectory.Core.Schedules;
using NodaTime;

namespace AidDirectory.Core.Tests.Moderation;

public sealed class ListingDiffTests
{
    private static readonly ServiceDraft Published = new()
    {
        Name = "Avondale Pantry",
        Description = "Groceries.",
        Categories = ["food"],
        Languages = ["es"],
        Cost = CostKind.Free,
        Phones = [new PhoneDraft("+13125550100", null, "Front desk")],
        Hours =
        [
            new HoursDraft(ScheduleKind.Weekly, IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)),
            new HoursDraft(ScheduleKind.Weekly, IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(17, 0)),
            new HoursDraft(ScheduleKind.Weekly, IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(12, 0)),
        ],
        Places = [new PlaceDraft { Address1 = "3500 W Diversey Ave", City = "Chicago", PostalCode = "60647", Visibility = LocationVisibility.Exact }],
    };

    [Fact]
    public void An_unchanged_listing_has_no_diff() =>
        Assert.Empty(ListingDiff.Between(Published, Published with { Categories = ["food"], Languages = ["es"] }));

    [Fact]
    public void Hours_read_as_hours_per_day_not_as_rows()
    {
        var proposed = Published with
        {
            Hours =
            [
                new HoursDraft(ScheduleKind.Weekly, IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(12, 0)),
                new HoursDraft(ScheduleKind.Weekly, IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(17, 0)),
                new HoursDraft(ScheduleKind.Weekly, IsoDayOfWeek.Tuesday, new LocalTime(0, 0), new LocalTime(0, 0)),
                new HoursDraft(ScheduleKind.Closed, null, null, null, new LocalDate(2026, 12, 24), new LocalDate(2026, 12, 26), "Holidays"),
                new HoursDraft(ScheduleKind.Event, null, new LocalTime(10, 0), new LocalTime(14, 0), new LocalDate(2026, 12, 19), null, "Toy drive"),
            ],
        };
        var changes = ListingDiff.Between(Published, proposed);
        Assert.Equal(
            [
                new FieldChange("Tuesday", "closed", "all day"),
                new FieldChange("Saturday", "9:00–12:00", "closed"),
                new FieldChange("Hours exception or event", null, "Closed 2026-12-24 to 2026-12-26: Holidays"),
                new FieldChange("Hours exception or event", null, "Event 2026-12-19, 10:00–14:00: Toy drive"),
            ],
            changes);
    }

    [Fact]
    public void Several_intervals_in_a_day_read_together()
    {
        var proposed = Published with { Hours = [.. Published.Hours.Where(h => h.Weekday != IsoDayOfWeek.Monday || h.OpensAt == new LocalTime(9, 0))] };
        Assert.Equal([new FieldChange("Monday", "9:00–12:00, 13:00–17:00", "9:00–12:00")], ListingDiff.Between(Published, proposed));
    }

    [Fact]
    public void Phones_places_and_fields_show_what_was_removed_and_what_was_added()
    {
        var proposed = Published with
        {
            Name = "Avondale Community Pantry",
            Cost = null,
            DeliveryAvailable = true,
            NameTranslations = new Dictionary<string, string> { ["es"] = "Despensa de Avondale" },
            Phones = [new PhoneDraft("+13125550199", "12", null)],
            Places = [Published.Places[0] with { Visibility = LocationVisibility.Approximate }],
        };
        var changes = ListingDiff.Between(Published, proposed);
        Assert.Contains(new FieldChange("Name", "Avondale Pantry", "Avondale Community Pantry"), changes);
        Assert.Contains(new FieldChange("Name (es)", null, "Despensa de Avondale"), changes);
        Assert.Contains(new FieldChange("Cost", "Free", null), changes);
        Assert.Contains(new FieldChange("Delivery available", "no", "yes"), changes);
        Assert.Contains(new FieldChange("Phone", "+13125550100 (Front desk)", null), changes);
        Assert.Contains(new FieldChange("Phone", null, "+13125550199 ext. 12"), changes);
        Assert.Contains(new FieldChange("Place", "3500 W Diversey Ave, Chicago, 60647; address shown: Exact", null), changes);
        Assert.Contains(new FieldChange("Place", null, "3500 W Diversey Ave, Chicago, 60647; address shown: Approximate"), changes);
        Assert.Equal(8, changes.Count);
    }

    [Fact]
    public void A_new_listing_is_every_field_it_has_against_nothing()
    {
        var changes = ListingDiff.Between(null, Published);
        Assert.Contains(new FieldChange("Name", null, "Avondale Pantry"), changes);
        Assert.Contains(new FieldChange("Saturday", null, "9:00–12:00"), changes);
        Assert.Contains(new FieldChange("Sunday", null, "closed"), changes);
        Assert.All(changes, c => Assert.Null(c.Before));
    }

    [Fact]
    public void Removing_all_weekly_hours_is_one_line_not_seven()
    {
        var changes = ListingDiff.Between(Published, Published with { Hours = [] });
        Assert.Equal([new FieldChange("Weekly hours", "Monday 9:00–12:00, 13:00–17:00; Saturday 9:00–12:00", "not given")], changes);
    }

    [Fact]
    public void A_snapshot_reads_back_as_the_same_draft()
    {
        var text = Snapshots.Write(Published with { ExpectedReopening = new LocalDate(2027, 1, 5), Status = ServiceStatus.TemporarilyClosed });
        var back = Snapshots.Read<ServiceDraft>(text);
        Assert.Empty(ListingDiff.Between(Published with { ExpectedReopening = new LocalDate(2027, 1, 5), Status = ServiceStatus.TemporarilyClosed }, back));
        Assert.Contains("\"status\":\"TemporarilyClosed\"", text, StringComparison.Ordinal);
        Assert.Contains("\"expectedReopening\":\"2027-01-05\"", text, StringComparison.Ordinal);
        Assert.Equal(text, Snapshots.Write(back));
    }
}
