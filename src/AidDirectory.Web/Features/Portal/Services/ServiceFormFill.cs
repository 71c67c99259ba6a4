using System.Globalization;
using AidDirectory.Core.Moderation;

namespace AidDirectory.Web.Features.Portal.Services;

/// <summary>Fills the listing form from a <see cref="ServiceDraft"/>, with blank rows to add to.</summary>
public static class ServiceFormFill
{
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
            form.ExpectedReopening = draft.ExpectedReopening is { } reopening ? FormValues.DatePattern.Format(reopening) : null;
            form.Categories = [.. draft.Categories];
            form.Languages = draft.Languages.Where(ServiceFormDraft.CommonLanguages.Contains).ToList();
            form.OtherLanguages = string.Join(", ", draft.Languages.Where(l => !ServiceFormDraft.CommonLanguages.Contains(l)));
            form.Cost = draft.Cost;
            form.DocumentsRequired = draft.DocumentsRequired;
            form.AsksImmigrationStatus = draft.AsksImmigrationStatus;
            form.InterpretationOnRequest = draft.InterpretationOnRequest;
            form.InterpretationLanguages = string.Join(", ", draft.InterpretationLanguages);
            form.Access = draft.Access;
            form.DeliveryAvailable = draft.DeliveryAvailable;
            form.LegalProvider = draft.LegalProvider;
            form.HoursText = draft.HoursText;
            form.Phones = draft.Phones.Select(p => new PhoneRow { Number = p.Number, Extension = p.Extension, Description = p.Description }).ToList();
            form.Hours = draft.Hours.Select(h => new HoursRow
            {
                Kind = h.Kind, Weekday = h.Weekday, Description = h.Description,
                From = h.ValidFrom is { } from ? FormValues.DatePattern.Format(from) : null, To = h.ValidTo is { } to ? FormValues.DatePattern.Format(to) : null,
                Opens = h.OpensAt is { } opens ? FormValues.TimePatterns[0].Format(opens) : null, Closes = h.ClosesAt is { } closes ? FormValues.TimePatterns[0].Format(closes) : null,
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

        form.Translations = ServiceFormDraft.TextLanguages.Select(language => new TranslationRow
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
}
