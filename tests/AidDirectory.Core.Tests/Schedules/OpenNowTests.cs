using System.Globalization;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using Microsoft.Extensions.Time.Testing;
using NodaTime;

namespace AidDirectory.Core.Tests.Schedules;

public sealed class OpenNowTests
{
    private static readonly DateTimeZone Chicago = DateTimeZoneProviders.Tzdb["America/Chicago"];

    private static OpenNow At(string utc) =>
        new(new FakeTimeProvider(DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)), Chicago);

    private static OpeningHours Hours(params Schedule[] rows) => new(rows);

    private static readonly OpeningHours SundayMorning = Hours(Schedule.WeeklyOn(IsoDayOfWeek.Sunday, new LocalTime(9, 0), new LocalTime(12, 0)));

    // 2025-03-09: Chicago springs forward at 08:00Z (02:00 CST -> 03:00 CDT). A fixed UTC-6 offset gets both rows wrong.
    [Theory]
    [InlineData("2025-03-09T14:30:00Z", true)]   // 09:30 CDT
    [InlineData("2025-03-09T17:30:00Z", false)]  // 12:30 CDT
    [InlineData("2025-03-09T15:30:00Z", true)]   // 10:30 CDT
    public void Open_now_follows_the_wall_clock_after_spring_forward(string utc, bool expected) =>
        Assert.Equal(expected, At(utc).IsOpen(SundayMorning));

    // 2025-11-02: Chicago falls back at 07:00Z (02:00 CDT -> 01:00 CST).
    [Theory]
    [InlineData("2025-11-02T14:59:00Z", false)]  // 08:59 CST
    [InlineData("2025-11-02T15:00:00Z", true)]   // 09:00 CST
    [InlineData("2025-11-02T17:59:00Z", true)]   // 11:59 CST
    [InlineData("2025-11-02T18:00:00Z", false)]  // 12:00 CST
    public void Open_now_follows_the_wall_clock_after_fall_back(string utc, bool expected)
    {
        var hours = Hours(Schedule.WeeklyOn(IsoDayOfWeek.Sunday, new LocalTime(9, 0), new LocalTime(12, 0)));
        Assert.Equal(expected, At(utc).IsOpen(hours));
    }

    [Fact]
    public void Overnight_shelter_closes_at_six_on_the_short_night()
    {
        var shelter = Hours(Schedule.WeeklyOn(IsoDayOfWeek.Saturday, new LocalTime(22, 0), new LocalTime(6, 0)));
        var clock = new FakeTimeProvider(new DateTimeOffset(2025, 3, 9, 10, 30, 0, TimeSpan.Zero)); // 05:30 CDT Sunday
        var openNow = new OpenNow(clock, Chicago);
        Assert.True(openNow.IsOpen(shelter));
        Assert.Equal(new LocalDateTime(2025, 3, 9, 6, 0), openNow.StateOf(shelter).ClosesAt);
        clock.Advance(TimeSpan.FromHours(1));                                                      // 06:30 CDT
        Assert.False(openNow.IsOpen(shelter));
    }

    [Fact]
    public void Overnight_shelter_is_open_through_the_repeated_hour_of_the_long_night()
    {
        var shelter = Hours(Schedule.WeeklyOn(IsoDayOfWeek.Saturday, new LocalTime(22, 0), new LocalTime(6, 0)));
        Assert.True(At("2025-11-02T06:30:00Z").IsOpen(shelter));  // 01:30 CDT, first pass
        Assert.True(At("2025-11-02T07:30:00Z").IsOpen(shelter));  // 01:30 CST, second pass
        Assert.True(At("2025-11-02T11:59:00Z").IsOpen(shelter));  // 05:59 CST
        Assert.False(At("2025-11-02T12:00:00Z").IsOpen(shelter)); // 06:00 CST
    }

    [Fact]
    public void A_day_with_a_lunch_break_is_closed_over_lunch_and_says_when_it_reopens()
    {
        var clinic = Hours(
            Schedule.WeeklyOn(IsoDayOfWeek.Monday, new LocalTime(8, 0), new LocalTime(12, 0)),
            Schedule.WeeklyOn(IsoDayOfWeek.Monday, new LocalTime(13, 0), new LocalTime(16, 30)));
        var lunch = At("2026-11-23T18:30:00Z").StateOf(clinic); // Monday 12:30 CST
        Assert.False(lunch.IsOpen);
        Assert.Equal(new LocalDateTime(2026, 11, 23, 13, 0), lunch.OpensAt);
        var afternoon = At("2026-11-23T19:30:00Z").StateOf(clinic); // 13:30 CST
        Assert.True(afternoon.IsOpen);
        Assert.Equal(new LocalDateTime(2026, 11, 23, 16, 30), afternoon.ClosesAt);
    }

    [Fact]
    public void Closed_on_friday_evening_opens_next_on_monday_morning()
    {
        var weekdays = Hours(Enumerable.Range(1, 5).Select(d => Schedule.WeeklyOn((IsoDayOfWeek)d, new LocalTime(9, 0), new LocalTime(17, 0))).ToArray());
        var state = At("2026-11-27T23:30:00Z").StateOf(weekdays); // Friday 17:30 CST
        Assert.False(state.IsOpen);
        Assert.Equal(new LocalDateTime(2026, 11, 30, 9, 0), state.OpensAt);
    }

    [Fact]
    public void A_holiday_closure_overrides_the_weekly_hours_and_the_next_opening_skips_it()
    {
        var thanksgiving = new LocalDate(2026, 11, 26);
        var hours = Hours(
            Schedule.WeeklyOn(IsoDayOfWeek.Thursday, new LocalTime(9, 0), new LocalTime(17, 0)),
            Schedule.WeeklyOn(IsoDayOfWeek.Friday, new LocalTime(9, 0), new LocalTime(17, 0)),
            Schedule.ClosedOn(thanksgiving, thanksgiving, "Thanksgiving"));
        var state = At("2026-11-26T16:00:00Z").StateOf(hours); // Thursday 10:00 CST
        Assert.False(state.IsOpen);
        Assert.Equal(new LocalDateTime(2026, 11, 27, 9, 0), state.OpensAt);
        Assert.Single(hours.ExceptionsBetween(new LocalDate(2026, 11, 23), 7));
    }

    [Fact]
    public void Special_hours_replace_the_weekly_hours_on_their_dates()
    {
        var eve = new LocalDate(2026, 12, 24);
        var hours = Hours(
            Schedule.WeeklyOn(IsoDayOfWeek.Thursday, new LocalTime(9, 0), new LocalTime(17, 0)),
            Schedule.SpecialHoursOn(eve, eve, new LocalTime(9, 0), new LocalTime(12, 0), "Christmas Eve"));
        Assert.False(At("2026-12-24T19:00:00Z").IsOpen(hours)); // 13:00 CST
        Assert.True(At("2026-12-31T19:00:00Z").IsOpen(hours));  // 13:00 CST the next Thursday
    }

    [Fact]
    public void A_one_off_event_opens_a_day_that_is_otherwise_closed()
    {
        var distribution = Hours(
            Schedule.WeeklyOn(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)),
            Schedule.EventOn(new LocalDate(2026, 11, 28), new LocalTime(10, 0), new LocalTime(13, 0), "Saturday food distribution"));
        var saturday = At("2026-11-28T17:00:00Z").StateOf(distribution); // Saturday 11:00 CST
        Assert.True(saturday.IsOpen);
        Assert.Equal(new LocalDateTime(2026, 11, 28, 13, 0), saturday.ClosesAt);
        Assert.False(At("2026-12-05T17:00:00Z").IsOpen(distribution)); // the next Saturday has no event
    }

    [Fact]
    public void A_service_open_every_hour_of_the_week_never_closes()
    {
        var hotline = Hours(Enumerable.Range(1, 7).Select(d => Schedule.WeeklyOn((IsoDayOfWeek)d, LocalTime.Midnight, LocalTime.Midnight)).ToArray());
        var state = At("2026-11-23T18:00:00Z").StateOf(hotline);
        Assert.True(state.IsOpen);
        Assert.Null(state.ClosesAt);
    }

    [Fact]
    public void Back_to_back_days_report_the_real_closing_time()
    {
        var weekend = Hours(
            Schedule.WeeklyOn(IsoDayOfWeek.Saturday, LocalTime.Midnight, LocalTime.Midnight),
            Schedule.WeeklyOn(IsoDayOfWeek.Sunday, LocalTime.Midnight, new LocalTime(18, 0)));
        var state = At("2026-11-28T18:00:00Z").StateOf(weekend); // Saturday noon
        Assert.Equal(new LocalDateTime(2026, 11, 29, 18, 0), state.ClosesAt);
    }

    [Fact]
    public void No_schedule_means_hours_are_unknown_not_closed()
    {
        var state = At("2026-11-23T18:00:00Z").StateOf(Hours());
        Assert.False(state.HasHours);
        Assert.Null(state.OpensAt);
    }

    [Fact]
    public void A_schedule_row_without_times_is_refused_with_a_reason()
    {
        var broken = new Schedule { Kind = ScheduleKind.Weekly, Weekday = IsoDayOfWeek.Monday };
        var error = Assert.Throws<ArgumentException>(() => Hours(broken));
        Assert.Contains("Opening and closing times", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Seasonal_weekly_hours_count_only_inside_their_season()
    {
        var winter = Schedule.WeeklyOn(IsoDayOfWeek.Saturday, new LocalTime(9, 0), new LocalTime(17, 0));
        winter.ValidFrom = new LocalDate(2026, 12, 1);
        winter.ValidTo = new LocalDate(2027, 3, 31);
        var hours = Hours(winter);
        Assert.False(At("2026-11-28T18:00:00Z").IsOpen(hours)); // Saturday before the season
        Assert.True(At("2026-12-05T18:00:00Z").IsOpen(hours));  // first Saturday in the season
        Assert.False(At("2027-04-03T17:00:00Z").IsOpen(hours)); // after it
        Assert.Equal(new LocalDateTime(2026, 12, 5, 9, 0), At("2026-11-28T18:00:00Z").StateOf(hours).OpensAt);
    }

    [Theory]
    [InlineData(ServiceStatus.TemporarilyClosed)]
    [InlineData(ServiceStatus.Closed)]
    public void A_service_that_is_not_active_is_never_open_now_whatever_its_hours(ServiceStatus status)
    {
        var hours = Hours(Schedule.WeeklyOn(IsoDayOfWeek.Monday, new LocalTime(9, 0), new LocalTime(17, 0)));
        var openNow = At("2026-11-23T18:00:00Z"); // Monday noon
        Assert.True(openNow.StateOf(hours, ServiceStatus.Active).IsOpen);
        var state = openNow.StateOf(hours, status);
        Assert.False(state.IsOpen);
        Assert.True(state.IsSuspended);
        Assert.Null(state.OpensAt);
    }
}
