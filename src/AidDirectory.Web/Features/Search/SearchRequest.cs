using System.Globalization;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using NetTopologySuite.Geometries;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// The one place a search's URL parameters are read and checked, for the results page (and the API and
/// map of issue 4 to come), so they cannot disagree. Each problem names its parameter and a resource key
/// for the reason, which the page shows in the reader's language.
/// </summary>
public static class SearchRequest
{
    public const int MaxTextLength = 200;
    public const int MaxPage = 10_000;
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly string[] DocumentValues = ["none", "no_photo_id", "no_ssn"];

    public sealed record Problem(string Parameter, string Reason, object[] Arguments);

    public static SearchQuery Parse(IQueryCollection query, string language, PublishedListingIndex index, List<Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(problems);
        string? One(string name) => query.TryGetValue(name, out var values) && !string.IsNullOrWhiteSpace(values.ToString()) ? values.ToString().Trim() : null;
        bool Flag(string name)
        {
            switch (One(name))
            {
                case null or "0" or "false" or "off":
                    return false;
                case "1" or "true" or "on":
                    return true;
                default:
                    problems.Add(new(name, "Problem_Flag", [name]));
                    return false;
            }
        }

        var text = One("q") ?? "";
        if (text.Length > MaxTextLength) problems.Add(new("q", "Problem_QueryTooLong", [MaxTextLength]));

        var category = One("category");
        if (category is not null && !index.Vocabulary.IsCategory(category)) problems.Add(new("category", "Problem_UnknownCategory", [category]));

        Place? place = null;
        if (One("zip") is { } zip)
        {
            place = index.PlaceNames.Zip(zip);
            if (place is null) problems.Add(new("zip", "Problem_UnknownZip", [zip]));
        }

        if (One("area") is not null && place is not null)
        {
            problems.Add(new("area", "Problem_ZipAndArea", []));
        }
        else if (One("area") is { } area)
        {
            place = index.PlaceNames.Area(area) ?? index.PlaceNames.Find(string.Join(' ', index.Analyzers.Fold(area)));
            if (place is null) problems.Add(new("area", "Problem_UnknownArea", [area]));
        }

        Point? near = null;
        if (One("near") is { } coordinates)
        {
            var parts = coordinates.Split(',');
            if (parts.Length == 2
                && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                && double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180)
            {
                // Whatever the browser sent, keep no more than ~1 km of precision.
                near = Wgs84.CreatePoint(new Coordinate(Math.Round(lon, 2), Math.Round(lat, 2)));
            }
            else
            {
                problems.Add(new("near", "Problem_Near", []));
            }
        }

        Envelope? box = null;
        if (One("bbox") is { } rawBox)
        {
            var edges = rawBox.Split(',').Select(e => double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
            if (edges is [var west, var south, var east, var north] && !edges.Any(double.IsNaN)
                && west < east && south < north && west >= -180 && east <= 180 && south >= -90 && north <= 90)
            {
                box = new Envelope(west, east, south, north);
            }
            else
            {
                problems.Add(new("bbox", "Problem_Box", []));
            }
        }

        var radius = SearchQuery.DefaultRadiusKm;
        if (One("radius") is { } rawRadius
            && (!double.TryParse(rawRadius, NumberStyles.Float, CultureInfo.InvariantCulture, out radius) || !double.IsFinite(radius) || radius is < 0.5 or > SearchQuery.MaxRadiusKm))
        {
            problems.Add(new("radius", "Problem_Radius", [0.5, SearchQuery.MaxRadiusKm]));
        }

        var speaks = One("speaks")?.ToLowerInvariant();
        if (speaks is not null && (speaks.Length is < 2 or > 3 || !speaks.All(char.IsAsciiLetterLower))) problems.Add(new("speaks", "Problem_Speaks", [speaks]));

        var interpretation = One("interpretation")?.ToLowerInvariant();
        if (interpretation is not null && (interpretation.Length is < 2 or > 3 || !interpretation.All(char.IsAsciiLetterLower))) problems.Add(new("interpretation", "Problem_Interpretation", [interpretation]));

        var documents = One("documents");
        if (documents is not null && !DocumentValues.Contains(documents)) problems.Add(new("documents", "Problem_Documents", [string.Join(", ", DocumentValues)]));

        var page = 1;
        if (One("page") is { } rawPage && (!int.TryParse(rawPage, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page is < 1 or > MaxPage))
        {
            problems.Add(new("page", "Problem_Page", [MaxPage]));
            page = 1;
        }

        return new SearchQuery
        {
            Text = text.Length > MaxTextLength ? "" : text,
            Language = language,
            Category = category,
            Place = place,
            Near = near,
            RadiusKm = radius,
            Box = box,
            Speaks = speaks,
            Interpretation = interpretation,
            Free = Flag("free"),
            Documents = documents,
            NoStatusQuestion = Flag("no_status_question"),
            WalkIn = Flag("walk_in"),
            Delivery = Flag("delivery"),
            Wheelchair = Flag("wheelchair"),
            OpenNow = Flag("open_now"),
            Page = page,
        };
    }
}
