using System.ComponentModel.DataAnnotations;
using AidDirectory.Core.Locations;
using NetTopologySuite.Geometries;

namespace AidDirectory.Core.Moderation;

/// <summary>
/// What every listing must be, whoever wrote it. The portal's form and the imports each read their own
/// text into a <see cref="ServiceDraft"/> (reporting what they cannot read), then check it here, so a
/// listing refused at one door is refused at the other. Each problem names the draft's field
/// (<c>Url</c>, <c>Places[0].PostalCode</c>, relative to the row for the row checks); messages quote the
/// value they are about and say what would do.
/// </summary>
public static class ServiceDraftRules
{
    public const int MaxName = 300;
    public const int MaxDescription = 4000;

    private static readonly EmailAddressAttribute EmailCheck = new();

    /// <summary>The listing's own fields: name, web address, email, categories, languages, interpretation.</summary>
    public static IEnumerable<DraftProblem> OfFacts(ServiceDraft draft, IReadOnlySet<string> categories)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(categories);
        if (string.IsNullOrWhiteSpace(draft.Name)) yield return new(nameof(draft.Name), "Enter the service's name.");
        else if (draft.Name.Length > MaxName) yield return new(nameof(draft.Name), $"Keep the name under {MaxName} characters.");
        if (draft.Description?.Length > MaxDescription) yield return new(nameof(draft.Description), $"Keep the description under {MaxDescription:N0} characters.");
        if (draft.Url is { } url && !IsWebAddress(url)) yield return new(nameof(draft.Url), $"\"{url}\" must be an http or https address. Write it in full, starting with https://.");
        if (draft.Email is { } email && (!EmailCheck.IsValid(email) || email.Length > 254)) yield return new(nameof(draft.Email), $"\"{email}\" is not an email address; write one like info@example.org.");
        if (draft.Categories.Count == 0) yield return new(nameof(draft.Categories), "Choose at least one category, so residents can find the service.");
        foreach (var unknown in draft.Categories.Where(c => !categories.Contains(c)))
        {
            yield return new(nameof(draft.Categories), $"\"{unknown}\" is unknown; use one of {string.Join(", ", categories.Order(StringComparer.Ordinal))}.");
        }

        foreach (var code in draft.Languages.Where(c => !IsLanguageCode(c)))
        {
            yield return new(nameof(draft.Languages), LanguageProblem(code));
        }

        foreach (var code in draft.InterpretationLanguages.Where(c => !IsLanguageCode(c)))
        {
            yield return new(nameof(draft.InterpretationLanguages), LanguageProblem(code));
        }

        if (draft.InterpretationLanguages.Count > 0 && draft.InterpretationOnRequest != true)
        {
            yield return new(nameof(draft.InterpretationLanguages), "Languages for interpretation go with “Yes, we arrange an interpreter”: choose it, or clear the languages.");
        }
    }

    /// <summary>One place: where it is, or that it is hidden; a ZIP code; a point inside the deployment's region.</summary>
    public static IEnumerable<DraftProblem> OfPlace(PlaceDraft place)
    {
        ArgumentNullException.ThrowIfNull(place);
        var hasPoint = place.Latitude is not null && place.Longitude is not null;
        if (string.IsNullOrWhiteSpace(place.Address1) && !hasPoint && place.Visibility != LocationVisibility.Hidden)
        {
            yield return new(nameof(place.Address1), "Enter the street address or the point on the map (the address can be hidden from residents).");
        }

        if (place.PostalCode is { } zip && !IsZip(zip)) yield return new(nameof(place.PostalCode), $"\"{zip}\" is not a ZIP code: five digits, like 60618.");
        if ((place.Latitude is null) != (place.Longitude is null))
        {
            yield return new(nameof(place.Latitude), "Give both latitude and longitude, or neither.");
        }
        else if (place is { Latitude: { } lat, Longitude: { } lon } && (lat is < 36 or > 43.6 || lon is < -92 or > -86))
        {
            // The deployment is Chicago; a point this far off is almost always latitude and longitude swapped.
            yield return new(nameof(place.Latitude), "This point is outside Illinois and its neighbours: check that latitude (about 41.9 in Chicago) and longitude (about -87.7) are not swapped.");
        }
    }

    /// <summary>Corners a drawn service area may have: plenty for a neighbourhood traced by hand, not a coastline.</summary>
    public const int MaxExtentVertices = 2000;

    /// <summary>
    /// One service area: a name, five-digit ZIP codes, community areas that exist, and a drawn extent that
    /// is a readable polygon inside <paramref name="region"/> (the deployment's outline; null: not checked).
    /// </summary>
    public static IEnumerable<DraftProblem> OfArea(AreaDraft area, IReadOnlySet<int> communityAreas, Geometry? region = null)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(communityAreas);
        if (string.IsNullOrWhiteSpace(area.Name)) yield return new(nameof(area.Name), "Name the area served (for example “Chicago” or “Northwest side”).");
        foreach (var zip in area.PostalCodes.Where(z => !IsZip(z)))
        {
            yield return new(nameof(area.PostalCodes), $"\"{zip}\" is not a five-digit ZIP code.");
        }

        foreach (var number in area.CommunityAreaNumbers.Where(n => !communityAreas.Contains(n)))
        {
            yield return new(nameof(area.CommunityAreaNumbers), $"community area {number} does not exist (1–77).");
        }

        if (area.ExtentWkt is not { Length: > 0 })
        {
            yield break;
        }

        // A drawn area counts as "here" for every place it covers, so one drawn over the world would rank
        // first in every search: coverage wider than the city is a name ("Illinois"), never a drawing.
        var shape = area.Extent();
        var problem = shape switch
        {
            null => "The drawn area cannot be read (it is not WKT): draw it again, or name the area instead.",
            not (Polygon or MultiPolygon) => $"A drawn area must be a polygon, not a {shape.GeometryType}.",
            _ when shape.NumPoints > MaxExtentVertices => $"The drawn area has {shape.NumPoints} corners; keep it under {MaxExtentVertices}.",
            _ when !shape.IsValid => "The drawn area crosses itself: draw it again.",
            _ when region is not null && !region.Covers(shape) => "The drawn area reaches outside the city. For the whole city or the state, name the area (“Chicago”, “Illinois”) and draw nothing.",
            _ => null,
        };
        if (problem is not null)
        {
            yield return new(nameof(area.ExtentWkt), problem);
        }
    }

    /// <summary>One row of hours: what the schedule rules refuse, or null.</summary>
    public static string? OfHours(HoursDraft hours)
    {
        ArgumentNullException.ThrowIfNull(hours);
        return hours.ToSchedule().Problem();
    }

    // Only web addresses become links on a resident's page: never javascript:, data: or file:.
    public static bool IsWebAddress(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Length <= 500 && Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);
    }

    public static bool IsLanguageCode(string code) => code.Length is 2 or 3 && code.All(char.IsAsciiLetterLower);

    public static string LanguageProblem(string code) => $"\"{code}\" is not a language code (two or three letters, such as fr, ht or yue).";

    private static bool IsZip(string zip) => zip.Length == 5 && zip.All(char.IsAsciiDigit);
}

/// <summary>A rule a draft breaks: the field (relative to the draft or the row checked) and what to do.</summary>
public sealed record DraftProblem(string Field, string Message);
