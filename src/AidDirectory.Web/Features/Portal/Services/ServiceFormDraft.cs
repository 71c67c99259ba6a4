using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.RegularExpressions;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data.Import;
using AidDirectory.Core.Schedules;
using Location = AidDirectory.Core.Locations.Location;
using AidDirectory.Web.Features.Map;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using NodaTime;
using NodaTime.Text;
using PhoneNumbers;

namespace AidDirectory.Web.Features.Portal.Services;

/// <summary>
/// Between the listing form and a <see cref="ServiceDraft"/>: fills the form from a draft (with blank rows
/// to add to), and reads it back, checking every field and naming the one that is wrong.
/// </summary>
public sealed partial class ServiceFormDraft(AreaOutlines areas)
{
    /// <summary>Languages offered as checkboxes; others can be typed as ISO 639-1 codes.</summary>
    public static readonly string[] CommonLanguages = ["en", "es", "pl", "zh", "ar", "uk", "ru", "ko", "vi", "tl", "hi", "ur", "fr", "ht", "pt"];

    /// <summary>Languages a listing's name and description can be written or translated in.</summary>
    public static readonly string[] TextLanguages = ["en", "es", "pl", "zh", "ar"];

    public const int MaxName = 300;
    public const int MaxDescription = 4000;

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern[] TimePatterns = [LocalTimePattern.CreateWithInvariantCulture("HH:mm"), LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss"), LocalTimePattern.CreateWithInvariantCulture("H:mm")];
    private static readonly EmailAddressAttribute EmailCheck = new();
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();

    public static ServiceForm Fill(ServiceDraft? draft, string? baseSnapshot = null)
    {
        var form = new ServiceForm { BaseSnapshot = baseSnapshot };
        if (draft is not null)
        {
            form.Name = draft.Name;
            form.Description = draft.Description;
            form.WrittenIn = draft.WrittenIn;
            form.EligibilityDescription = draft.EligibilityDescription;
            form.Url = draft.Url;
            form.Email = draft.Email;
            form.Status = draft.Status;
            form.StatusReason = draft.StatusReason;
            form.ExpectedReopening = draft.ExpectedReopening is { } reopening ? DatePattern.Format(reopening) : null;
            form.Categories = [.. draft.Categories];
            form.Languages = draft.Languages.Where(CommonLanguages.Contains).ToList();
            form.OtherLanguages = string.Join(", ", draft.Languages.Where(l => !CommonLanguages.Contains(l)));
            form.Cost = draft.Cost;
            form.DocumentsRequired = draft.DocumentsRequired;
            form.AsksImmigrationStatus = draft.AsksImmigrationStatus;
            form.Access = draft.Access;
            form.DeliveryAvailable = draft.DeliveryAvailable;
            form.LegalProvider = draft.LegalProvider;
            form.HoursText = draft.HoursText;
            form.Phones = draft.Phones.Select(p => new PhoneRow { Number = p.Number, Extension = p.Extension, Description = p.Description }).ToList();
            form.Hours = draft.Hours.Select(h => new HoursRow
            {
                Kind = h.Kind, Weekday = h.Weekday, Description = h.Description,
                From = h.ValidFrom is { } from ? DatePattern.Format(from) : null, To = h.ValidTo is { } to ? DatePattern.Format(to) : null,
                Opens = h.OpensAt is { } opens ? TimePatterns[0].Format(opens) : null, Closes = h.ClosesAt is { } closes ? TimePatterns[0].Format(closes) : null,
            }).ToList();
            form.Places = draft.Places.Select(p => new PlaceRow
            {
                LocationId = p.LocationId, Name = p.Name, Address1 = p.Address1, Address2 = p.Address2, City = p.City, StateProvince = p.StateProvince,
                PostalCode = p.PostalCode, Visibility = p.Visibility, WheelchairAccessible = p.WheelchairAccessible,
                Latitude = p.Latitude?.ToString("R", CultureInfo.InvariantCulture), Longitude = p.Longitude?.ToString("R", CultureInfo.InvariantCulture),
            }).ToList();
            form.Areas = draft.ServiceAreas.Select(a => new AreaRow
            {
                Name = a.Name, Description = a.Description, ExtentWkt = a.ExtentWkt,
                CommunityAreas = string.Join(", ", a.CommunityAreaNumbers), PostalCodes = string.Join(", ", a.PostalCodes),
            }).ToList();
        }

        form.Translations = TextLanguages.Select(language => new TranslationRow
        {
            Language = language,
            Name = draft?.NameTranslations.GetValueOrDefault(language),
            Description = draft?.DescriptionTranslations.GetValueOrDefault(language),
        }).ToList();
        return WithBlankRows(form);
    }

    /// <summary>Adds empty rows to fill in: two phones, seven hours, a place, an area.</summary>
    public static ServiceForm WithBlankRows(ServiceForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Phones.AddRange(Enumerable.Range(0, 2).Select(_ => new PhoneRow()));
        form.Hours.AddRange(Enumerable.Range(0, 7).Select(_ => new HoursRow()));
        form.Places.Add(new PlaceRow { City = "Chicago", StateProvince = "IL" });
        form.Areas.Add(new AreaRow());
        return form;
    }

    /// <summary>The draft the form describes, or null with every problem added to <paramref name="problems"/> under the field's name.</summary>
    public ServiceDraft? Read(ServiceForm form, string prefix, ISet<string> categoryCodes, ModelLimits limits, ModelStateDictionary problems)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(limits);
        var before = problems.ErrorCount;
        void Problem(string field, string message) => problems.AddModelError($"{prefix}.{field}", message);
        FitsColumns(form, limits, Problem);

        var name = Text(form.Name);
        if (name is null)
        {
            Problem(nameof(form.Name), "Enter the service's name.");
        }
        else if (name.Length > MaxName)
        {
            Problem(nameof(form.Name), $"Keep the name under {MaxName} characters.");
        }

        if (form.Description?.Length > MaxDescription)
        {
            Problem(nameof(form.Description), $"Keep the description under {MaxDescription:N0} characters.");
        }

        if (!TextLanguages.Contains(form.WrittenIn))
        {
            Problem(nameof(form.WrittenIn), "Choose the language the name and description are written in.");
        }

        var nameTranslations = new Dictionary<string, string>();
        var descriptionTranslations = new Dictionary<string, string>();
        for (var i = 0; i < form.Translations.Count; i++)
        {
            var row = form.Translations[i];
            if (!TextLanguages.Contains(row.Language) || row.Language == form.WrittenIn)
            {
                continue;
            }

            if (Text(row.Name) is { } translatedName)
            {
                if (translatedName.Length > MaxName)
                {
                    Problem($"Translations[{i}].Name", $"Keep the name under {MaxName} characters.");
                }

                nameTranslations[row.Language] = translatedName;
            }

            if (Text(row.Description) is { } translatedDescription)
            {
                if (translatedDescription.Length > MaxDescription)
                {
                    Problem($"Translations[{i}].Description", $"Keep the description under {MaxDescription:N0} characters.");
                }

                descriptionTranslations[row.Language] = translatedDescription;
            }
        }

        var url = Text(form.Url);
        if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("https" or "http") || url.Length > 500))
        {
            Problem(nameof(form.Url), "Enter a full web address starting with https://.");
        }

        var email = Text(form.Email);
        if (email is not null && (!EmailCheck.IsValid(email) || email.Length > 254))
        {
            Problem(nameof(form.Email), "Enter an email address like info@example.org.");
        }

        if (Text(form.EligibilityDescription)?.Length > 2000)
        {
            Problem(nameof(form.EligibilityDescription), "Keep this under 2,000 characters.");
        }

        if (Text(form.StatusReason)?.Length > 500)
        {
            Problem(nameof(form.StatusReason), "Keep the reason under 500 characters.");
        }

        var reopening = Date(form.ExpectedReopening, nameof(form.ExpectedReopening), Problem);
        var categories = form.Categories.Where(c => !string.IsNullOrWhiteSpace(c)).Distinct(StringComparer.Ordinal).ToList();
        if (categories.Count == 0)
        {
            Problem(nameof(form.Categories), "Choose at least one category, so residents can find the service.");
        }
        else if (categories.FirstOrDefault(c => !categoryCodes.Contains(c)) is { } unknown)
        {
            Problem(nameof(form.Categories), $"“{unknown}” is not one of our categories.");
        }

        var languages = form.Languages.Where(CommonLanguages.Contains).ToList();
        foreach (var code in (form.OtherLanguages ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!LanguageCode().IsMatch(code))
            {
                Problem(nameof(form.OtherLanguages), $"“{code}” is not a language code (two or three letters, such as “fr”, “ht” or “yue”).");
            }
            else
            {
                languages.Add(code.ToLowerInvariant());
            }
        }

        var phones = ReadPhones(form.Phones, Problem);
        var hours = ReadHours(form.Hours, Problem);
        var places = ReadPlaces(form.Places, Problem);
        var serviceAreas = ReadAreas(form.Areas, Problem);
        if (form.HoursText?.Length > 1000)
        {
            Problem(nameof(form.HoursText), "Keep the hours note under 1,000 characters.");
        }

        if (problems.ErrorCount > before || name is null)
        {
            return null;
        }

        return new ServiceDraft
        {
            Name = name,
            Description = Text(form.Description),
            WrittenIn = form.WrittenIn,
            NameTranslations = nameTranslations,
            DescriptionTranslations = descriptionTranslations,
            EligibilityDescription = Text(form.EligibilityDescription),
            Url = url,
            Email = email,
            Status = form.Status,
            StatusReason = Text(form.StatusReason),
            ExpectedReopening = reopening,
            Categories = categories.Order(StringComparer.Ordinal).ToList(),
            Languages = languages.Distinct().ToList(),
            Cost = form.Cost,
            DocumentsRequired = form.DocumentsRequired,
            AsksImmigrationStatus = form.AsksImmigrationStatus,
            Access = form.Access,
            DeliveryAvailable = form.DeliveryAvailable,
            LegalProvider = form.LegalProvider,
            HoursText = Text(form.HoursText),
            Phones = phones,
            Hours = HoursDraft.InReadingOrder(hours),
            Places = places,
            ServiceAreas = serviceAreas,
        };
    }

    // Every text that ends up in a column of limited length, checked here so that the editor hears of it,
    // not the moderator at approval (PostgreSQL refuses a too-long text; SQLite would keep it).
    private static void FitsColumns(ServiceForm form, ModelLimits limits, Action<string, string> problem)
    {
        void Fits<T>(string? text, string property, string field)
        {
            if (limits.Max<T>(property) is { } max && text?.Trim().Length > max)
            {
                problem(field, $"Keep this under {max:N0} characters.");
            }
        }

        Fits<Service>(form.Url, nameof(Service.Url), nameof(form.Url));
        Fits<Service>(form.Email, nameof(Service.Email), nameof(form.Email));
        Fits<Service>(form.StatusReason, nameof(Service.StatusReason), nameof(form.StatusReason));
        Fits<Service>(form.HoursText, nameof(Service.HoursText), nameof(form.HoursText));
        for (var i = 0; i < form.Phones.Count; i++)
        {
            Fits<Phone>(form.Phones[i].Extension, nameof(Phone.Extension), $"Phones[{i}].Extension");
            Fits<Phone>(form.Phones[i].Description, nameof(Phone.Description), $"Phones[{i}].Description");
        }

        for (var i = 0; i < form.Hours.Count; i++)
        {
            Fits<Schedule>(form.Hours[i].Description, nameof(Schedule.Description), $"Hours[{i}].Description");
        }

        for (var i = 0; i < form.Places.Count; i++)
        {
            var place = form.Places[i];
            Fits<Location>(place.Name, nameof(Location.Name), $"Places[{i}].Name");
            Fits<Location>(place.Address1, nameof(Location.Address1), $"Places[{i}].Address1");
            Fits<Location>(place.Address2, nameof(Location.Address2), $"Places[{i}].Address2");
            Fits<Location>(place.City, nameof(Location.City), $"Places[{i}].City");
            Fits<Location>(place.StateProvince, nameof(Location.StateProvince), $"Places[{i}].StateProvince");
        }

        for (var i = 0; i < form.Areas.Count; i++)
        {
            Fits<ServiceArea>(form.Areas[i].Name, nameof(ServiceArea.Name), $"Areas[{i}].Name");
            Fits<ServiceArea>(form.Areas[i].Description, nameof(ServiceArea.Description), $"Areas[{i}].Description");
        }
    }

    private List<PhoneDraft> ReadPhones(List<PhoneRow> rows, Action<string, string> problem)
    {
        var phones = new List<PhoneDraft>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (Text(row.Number) is not { } number)
            {
                if (Text(row.Extension) is not null || Text(row.Description) is not null)
                {
                    problem($"Phones[{i}].Number", "Enter the phone number, or clear the row.");
                }

                continue;
            }

            try
            {
                var parsed = _phones.Parse(number, "US");
                if (!_phones.IsValidNumber(parsed))
                {
                    throw new NumberParseException(ErrorType.NOT_A_NUMBER, "invalid");
                }

                phones.Add(new PhoneDraft(_phones.Format(parsed, PhoneNumberFormat.E164), Text(row.Extension), Text(row.Description)));
            }
            catch (NumberParseException)
            {
                problem($"Phones[{i}].Number", $"“{number}” is not a phone number we can dial; write it like 312-555-0100.");
            }

        }

        return phones;
    }

    private static List<HoursDraft> ReadHours(List<HoursRow> rows, Action<string, string> problem)
    {
        var hours = new List<HoursDraft>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            var at = $"Hours[{i}]";
            var draft = new HoursDraft(
                row.Kind,
                row.Kind == ScheduleKind.Weekly ? row.Weekday : null,
                Time(row.Opens, $"{at}.Opens", problem),
                Time(row.Closes, $"{at}.Closes", problem),
                Date(row.From, $"{at}.From", problem),
                Date(row.To, $"{at}.To", problem),
                Text(row.Description));
            if (draft.ToSchedule().Problem() is { } wrong)
            {
                problem(at, wrong);
            }

            hours.Add(draft);
        }

        return hours;
    }

    private static List<PlaceDraft> ReadPlaces(List<PlaceRow> rows, Action<string, string> problem)
    {
        var places = new List<PlaceDraft>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank || row.Remove)
            {
                continue;
            }

            var at = $"Places[{i}]";
            var hasPoint = Text(row.Latitude) is not null && Text(row.Longitude) is not null;
            if (Text(row.Address1) is null && !hasPoint && row.Visibility != Core.Locations.LocationVisibility.Hidden)
            {
                problem($"{at}.Address1", "Enter the street address or the point on the map (the address can be hidden from residents below).");
            }

            if (Text(row.PostalCode) is { } zip && !Zip().IsMatch(zip))
            {
                problem($"{at}.PostalCode", "A ZIP code is five digits, like 60618.");
            }

            var latitude = Number(row.Latitude, $"{at}.Latitude", problem);
            var longitude = Number(row.Longitude, $"{at}.Longitude", problem);
            if ((latitude is null) != (longitude is null))
            {
                problem($"{at}.Latitude", "Give both latitude and longitude, or neither.");
            }
            else if (latitude is { } lat && longitude is { } lon && (lat is < 36 or > 43.6 || lon is < -92 or > -86))
            {
                problem($"{at}.Latitude", "This point is outside Illinois and its neighbours: check that latitude (about 41.9 in Chicago) and longitude (about -87.7) are not swapped.");
            }

            places.Add(new PlaceDraft
            {
                LocationId = row.LocationId, Name = Text(row.Name), Address1 = Text(row.Address1), Address2 = Text(row.Address2),
                City = Text(row.City), StateProvince = Text(row.StateProvince), PostalCode = Text(row.PostalCode),
                Latitude = latitude, Longitude = longitude, Visibility = row.Visibility, WheelchairAccessible = row.WheelchairAccessible,
            });
        }

        return places;
    }

    private List<AreaDraft> ReadAreas(List<AreaRow> rows, Action<string, string> problem)
    {
        var result = new List<AreaDraft>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.IsBlank)
            {
                continue;
            }

            var at = $"Areas[{i}]";
            var numbers = new List<int>();
            foreach (var part in Parts(row.CommunityAreas))
            {
                var area = int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    ? areas.Areas.FirstOrDefault(a => a.Number == number)
                    : areas.Areas.FirstOrDefault(a => string.Equals(a.Name, part, StringComparison.OrdinalIgnoreCase));
                if (area is null)
                {
                    problem($"{at}.CommunityAreas", $"“{part}” is not a Chicago community area (a name like Avondale, or a number 1–77).");
                }
                else
                {
                    numbers.Add(area.Number);
                }
            }

            var zips = Parts(row.PostalCodes).ToList();
            if (zips.FirstOrDefault(z => !Zip().IsMatch(z)) is { } wrongZip)
            {
                problem($"{at}.PostalCodes", $"“{wrongZip}” is not a five-digit ZIP code.");
            }

            var name = Text(row.Name);
            if (name is null)
            {
                problem($"{at}.Name", "Name the area served (for example “Chicago” or “Northwest side”).");
            }

            result.Add(new AreaDraft(name ?? "", Text(row.Description), numbers.Distinct().Order().ToList(), zips.Distinct().Order(StringComparer.Ordinal).ToList(), Text(row.ExtentWkt)));
        }

        return result;
    }

    private static string[] Parts(string? text) =>
        (text ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Text(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static LocalDate? Date(string? text, string field, Action<string, string> problem)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        var parsed = DatePattern.Parse(value);
        if (!parsed.Success)
        {
            problem(field, $"“{value}” is not a date; use the date picker or write it as 2026-12-24.");
            return null;
        }

        return parsed.Value;
    }

    private static LocalTime? Time(string? text, string field, Action<string, string> problem)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        foreach (var pattern in TimePatterns)
        {
            if (pattern.Parse(value) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        problem(field, $"“{value}” is not a time; write it as 09:00 or 17:30.");
        return null;
    }

    private static double? Number(string? text, string field, Action<string, string> problem)
    {
        if (Text(text) is not { } value)
        {
            return null;
        }

        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
        {
            return number;
        }

        problem(field, $"“{value}” is not a number like 41.9389.");
        return null;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}$")]
    private static partial Regex LanguageCode();

    [GeneratedRegex("^[0-9]{5}$")]
    private static partial Regex Zip();
}
