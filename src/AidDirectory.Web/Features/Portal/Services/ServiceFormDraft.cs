using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Data.Import;
using AidDirectory.Core.Schedules;
using Location = AidDirectory.Core.Locations.Location;
using AidDirectory.Web.Features.Map;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using static AidDirectory.Web.Features.Portal.Services.FormValues;

namespace AidDirectory.Web.Features.Portal.Services;

/// <summary>
/// Reads the listing form back into a <see cref="ServiceDraft"/>, checking every field and naming the one
/// that is wrong; each row type checks its own fields. <see cref="ServiceFormFill"/> does the other way.
/// </summary>
public sealed class ServiceFormDraft(AreaOutlines areas)
{
    /// <summary>Languages offered as checkboxes; others can be typed as ISO 639-1 codes.</summary>
    public static readonly string[] CommonLanguages = ["en", "es", "pl", "zh", "ar", "uk", "ru", "ko", "vi", "tl", "hi", "ur", "fr", "ht", "pt"];

    /// <summary>Languages a listing's name and description can be written or translated in.</summary>
    public static readonly string[] TextLanguages = ["en", "es", "pl", "zh", "ar"];

    public const int MaxName = ServiceDraftRules.MaxName;
    public const int MaxDescription = ServiceDraftRules.MaxDescription;

    /// <summary>The draft the form describes, or null with every problem added to <paramref name="problems"/> under the field's name.</summary>
    public ServiceDraft? Read(ServiceForm form, string prefix, IReadOnlySet<string> categoryCodes, ModelLimits limits, ModelStateDictionary problems)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(limits);
        var before = problems.ErrorCount;
        void Problem(string field, string message) => problems.AddModelError($"{prefix}.{field}", message);
        FitsColumns(form, limits, Problem);

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
        var languages = form.Languages.Where(CommonLanguages.Contains).Concat(LanguageCodes(form.OtherLanguages)).ToList();
        var interpretation = LanguageCodes(form.InterpretationLanguages);

        var phones = form.Phones.Select((row, i) => row.Read($"Phones[{i}]", Problem)).OfType<PhoneDraft>().ToList();
        var hours = form.Hours.Select((row, i) => row.Read($"Hours[{i}]", Problem)).OfType<HoursDraft>().ToList();
        var places = form.Places.Select((row, i) => row.Read($"Places[{i}]", Problem)).OfType<PlaceDraft>().ToList();
        var serviceAreas = form.Areas.Select((row, i) => row.Read($"Areas[{i}]", areas, Problem)).OfType<AreaDraft>().ToList();
        if (form.HoursText?.Length > 1000)
        {
            Problem(nameof(form.HoursText), "Keep the hours note under 1,000 characters.");
        }

        var draft = new ServiceDraft
        {
            Name = Text(form.Name) ?? "",
            Description = Text(form.Description),
            WrittenIn = form.WrittenIn,
            NameTranslations = nameTranslations,
            DescriptionTranslations = descriptionTranslations,
            EligibilityDescription = Text(form.EligibilityDescription),
            Url = Text(form.Url),
            Email = Text(form.Email),
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
            InterpretationOnRequest = form.InterpretationOnRequest,
            InterpretationLanguages = interpretation,
            HoursText = Text(form.HoursText),
            Phones = phones,
            Hours = HoursDraft.InReadingOrder(hours),
            Places = places,
            ServiceAreas = serviceAreas,
        };
        foreach (var (field, message) in ServiceDraftRules.OfFacts(draft, categoryCodes))
        {
            Problem(FormField(field), message);
        }

        return problems.ErrorCount > before ? null : draft;
    }

    // The form's name for a draft field, where they differ.
    private static string FormField(string draftField) => draftField switch
    {
        nameof(ServiceDraft.Languages) => nameof(ServiceForm.OtherLanguages),
        _ => draftField,
    };

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
}
