using System.Globalization;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using Humanizer;
using Microsoft.Extensions.Localization;
using NodaTime;
using NodaTime.Extensions;
using NodaTime.Utility;
using PhoneNumbers;

namespace AidDirectory.Web.Features.Shared;

/// <summary>Turns times, days, states and numbers into the words a resident reads, in the page's language.</summary>
public sealed class ResidentFormat(OpenNow openNow, TimeProvider time, IStringLocalizer<UiText> text)
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    private static CultureInfo Culture => CultureInfo.CurrentUICulture;

    public LocalDate Today => openNow.Today;

    public string Time(LocalTime value) => value.ToString("t", Culture);

    public string Day(IsoDayOfWeek day) => Culture.TextInfo.ToTitleCase(Culture.DateTimeFormat.GetDayName(BclConversions.ToDayOfWeek(day)));

    public string Date(LocalDate date) => date.ToString("D", Culture);

    /// <summary>"April 2020": the precision our sources' dates really have.</summary>
    public string Month(LocalDate date) => date.ToDateOnly().ToString("Y", Culture);

    /// <summary>Chicago measures in miles: "0.8 mi"; zero means the service covers the place.</summary>
    public string Distance(double kilometres) =>
        kilometres <= 0 ? text["Distance_Covers"] : text["Distance_Miles", (kilometres / 1.609344).ToString("0.0", Culture)];

    public string Interval(LocalTime opens, LocalTime closes) =>
        opens == closes ? text["Hours_AllDay"] : $"{Time(opens)} – {Time(closes)}";

    public string Opening(OpeningState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.IsSuspended)
        {
            return text["Open_Suspended"];
        }

        if (!state.HasHours)
        {
            return text["Open_Unknown"];
        }

        if (state.IsOpen)
        {
            return state.ClosesAt is { } closes ? text["Open_ClosesAt", When(closes)] : text["Open_AroundTheClock"];
        }

        return state.OpensAt is { } opens ? text["Closed_OpensAt", When(opens)] : text["Closed_NoNextOpening"];
    }

    /// <summary>"at 5:00 PM", "tomorrow at 9:00 AM", "Monday at 9:00 AM", or a date beyond a week.</summary>
    public string When(LocalDateTime moment)
    {
        var days = Period.Between(Today, moment.Date, PeriodUnits.Days).Days;
        var at = Time(moment.TimeOfDay);
        return days switch
        {
            0 => text["When_Today", at],
            1 => text["When_Tomorrow", at],
            < 7 => text["When_Day", Culture.DateTimeFormat.GetDayName(BclConversions.ToDayOfWeek(moment.DayOfWeek)), at],
            _ => text["When_Date", Date(moment.Date), at],
        };
    }

    /// <summary>"Last verified 3 weeks ago", or for a listing never verified, how old its source is.</summary>
    public string Verified(Freshness freshness, LocalDate? sourceAsOf)
    {
        ArgumentNullException.ThrowIfNull(freshness);
        return freshness.LastVerifiedAt is { } verified
            ? text["Verified_Ago", (time.GetCurrentInstant() - verified).ToTimeSpan().Humanize(maxUnit: TimeUnit.Year, culture: Culture)]
            : sourceAsOf is { } asOf ? text["Verified_NeverSince", Month(asOf)]
            : text["Verified_Never"];
    }

    public string PhoneForDisplay(string e164)
    {
        try
        {
            return _phones.Format(_phones.Parse(e164, "US"), PhoneNumberFormat.NATIONAL);
        }
        catch (NumberParseException)
        {
            return e164;
        }
    }

    /// <summary>A language's name in the reader's language ("inglés" on a Spanish page).</summary>
    public static string LanguageNameForReader(string? code)
    {
        // A form drawn again after a post that left the code out (a 500 RequestFuzzTests found) names no language.
        if (string.IsNullOrWhiteSpace(code))
        {
            return "";
        }

        try
        {
            return CultureInfo.GetCultureInfo(code).DisplayName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }

    /// <summary>A language's name in that language ("Español", "Polski", "中文"), so a reader finds their own.</summary>
    public static string LanguageName(string code)
    {
        try
        {
            var culture = CultureInfo.GetCultureInfo(code);
            return culture.TextInfo.ToTitleCase(culture.NativeName);
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
