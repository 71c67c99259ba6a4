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

        var text = One(SearchParameters.Text.Name) ?? "";
        if (!SearchParameters.Text.FitsLength(text)) problems.Add(new(SearchParameters.Text.Name, "Problem_QueryTooLong", [MaxTextLength]));

        var category = One(SearchParameters.Category.Name);
        if (category is not null && !index.Vocabulary.IsCategory(category)) problems.Add(new(SearchParameters.Category.Name, "Problem_UnknownCategory", [category]));

        Place? place = null;
        if (One(SearchParameters.Zip.Name) is { } zip)
        {
            place = index.PlaceNames.Zip(zip);
            if (place is null) problems.Add(new(SearchParameters.Zip.Name, "Problem_UnknownZip", [zip]));
        }

        if (One(SearchParameters.Area.Name) is not null && place is not null)
        {
            problems.Add(new(SearchParameters.Area.Name, "Problem_ZipAndArea", []));
        }
        else if (One(SearchParameters.Area.Name) is { } area)
        {
            place = index.PlaceNames.Area(area) ?? index.PlaceNames.Find(string.Join(' ', index.Analyzers.Fold(area)));
            if (place is null) problems.Add(new(SearchParameters.Area.Name, "Problem_UnknownArea", [area]));
        }

        Point? near = null;
        if (One(SearchParameters.Near.Name) is { } coordinates)
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
                problems.Add(new(SearchParameters.Near.Name, "Problem_Near", []));
            }
        }

        Envelope? box = null;
        if (One(SearchParameters.Box.Name) is { } rawBox)
        {
            var edges = rawBox.Split(',').Select(e => double.TryParse(e, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : double.NaN).ToArray();
            if (edges is [var west, var south, var east, var north] && !edges.Any(double.IsNaN)
                && west < east && south < north && west >= -180 && east <= 180 && south >= -90 && north <= 90)
            {
                box = new Envelope(west, east, south, north);
            }
            else
            {
                problems.Add(new(SearchParameters.Box.Name, "Problem_Box", []));
            }
        }

        var radius = SearchQuery.DefaultRadiusKm;
        if (One(SearchParameters.Radius.Name) is { } rawRadius
            && (!double.TryParse(rawRadius, NumberStyles.Float, CultureInfo.InvariantCulture, out radius) || !double.IsFinite(radius) || !SearchParameters.Radius.InRange(radius)))
        {
            problems.Add(new(SearchParameters.Radius.Name, "Problem_Radius", [SearchParameters.Radius.Minimum!, SearchParameters.Radius.Maximum!]));
        }

        var speaks = One(SearchParameters.Speaks.Name)?.ToLowerInvariant();
        if (speaks is not null && (!SearchParameters.Speaks.FitsLength(speaks) || !speaks.All(char.IsAsciiLetterLower))) problems.Add(new(SearchParameters.Speaks.Name, "Problem_Speaks", [speaks]));

        var interpretation = One(SearchParameters.Interpretation.Name)?.ToLowerInvariant();
        if (interpretation is not null && (!SearchParameters.Interpretation.FitsLength(interpretation) || !interpretation.All(char.IsAsciiLetterLower))) problems.Add(new(SearchParameters.Interpretation.Name, "Problem_Interpretation", [interpretation]));

        var documents = One(SearchParameters.Documents.Name);
        var documentValues = SearchParameters.Documents.Values!;
        if (documents is not null && !documentValues.Contains(documents)) problems.Add(new(SearchParameters.Documents.Name, "Problem_Documents", [string.Join(", ", documentValues)]));

        var page = 1;
        if (One(SearchParameters.Page.Name) is { } rawPage && (!int.TryParse(rawPage, NumberStyles.None, CultureInfo.InvariantCulture, out page) || !SearchParameters.Page.InRange(page)))
        {
            problems.Add(new(SearchParameters.Page.Name, "Problem_Page", [MaxPage]));
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
            Free = Flag(SearchParameters.Free.Name),
            Documents = documents,
            NoStatusQuestion = Flag(SearchParameters.NoStatusQuestion.Name),
            WalkIn = Flag(SearchParameters.WalkIn.Name),
            Delivery = Flag(SearchParameters.Delivery.Name),
            Wheelchair = Flag(SearchParameters.Wheelchair.Name),
            OpenNow = Flag(SearchParameters.OpenNow.Name),
            Page = page,
        };
    }
}
