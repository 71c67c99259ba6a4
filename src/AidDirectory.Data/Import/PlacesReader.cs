using System.Text.Json;
using AidDirectory.Core.Places;
using CsvHelper;
using NetTopologySuite.Geometries;

namespace AidDirectory.Data.Import;

/// <summary>
/// places/: the community areas (community_areas.geojson) and the ZIP codes with their centres
/// (zip_codes.csv), placed in the community area that holds them.
/// </summary>
internal sealed class PlacesReader(DataFolder folder, ImportBatch batch)
{
    private const string CommunityAreas = "places/community_areas.geojson";
    private const string ZipCodes = "places/zip_codes.csv";

    /// <returns>The gazetteer of the community areas read, which places the listings too.</returns>
    public async Task<Gazetteer> ReadAsync(CancellationToken cancellationToken)
    {
        await ReadCommunityAreasAsync(cancellationToken);
        var gazetteer = new Gazetteer(batch.Areas);
        await ReadZipCodesAsync(gazetteer, cancellationToken);
        return gazetteer;
    }

    private async Task ReadCommunityAreasAsync(CancellationToken cancellationToken)
    {
        if (!folder.Exists(CommunityAreas))
        {
            return;
        }

        using var document = JsonDocument.Parse(await File.ReadAllTextAsync(folder.PathOf(CommunityAreas), cancellationToken));
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var p = feature.GetProperty("properties");
            var geometry = feature.GetProperty("geometry").Deserialize<Geometry>(DataFolder.Json);
            if (geometry is not MultiPolygon and not Polygon
                || !p.TryGetProperty("number", out var number) || number.ValueKind != JsonValueKind.Number || !number.TryGetInt32(out var areaNumber)
                || !p.TryGetProperty("slug", out var slug) || string.IsNullOrWhiteSpace(slug.GetString())
                || !p.TryGetProperty("name", out var name) || string.IsNullOrWhiteSpace(name.GetString()))
            {
                folder.Problem(CommunityAreas, 0, $"community area #{batch.Areas.Count + 1} needs a whole number, a name, a slug and a polygon.");
                continue;
            }

            if (batch.Areas.Any(a => a.Number == areaNumber || a.Slug == slug.GetString()))
            {
                folder.Problem(CommunityAreas, 0, $"community area {areaNumber} ({slug.GetString()}) appears twice.");
                continue;
            }

            geometry.SRID = 4326;
            batch.Areas.Add(new CommunityArea
            {
                Number = areaNumber,
                Name = name.GetString()!,
                Slug = slug.GetString()!,
                AlternativeNames = p.TryGetProperty("alt_names", out var alt) ? alt.Deserialize<List<string>>() ?? [] : [],
                Boundary = geometry is Polygon polygon ? Coordinates.Geometry.CreateMultiPolygon([polygon]) : geometry,
            });
        }
    }

    private async Task ReadZipCodesAsync(Gazetteer gazetteer, CancellationToken cancellationToken)
    {
        if (!folder.Exists(ZipCodes))
        {
            return;
        }

        await foreach (var (row, line) in folder.ReadCsvAsync<ZipCodeRecord>(ZipCodes, rowsSpanLines: false, cancellationToken))
        {
            if (row.Zip is not { Length: 5 } zip || !Coordinates.TryPoint(row.Latitude, row.Longitude, out var point))
            {
                folder.Problem(ZipCodes, line, "expected zip,latitude,longitude with a five-digit ZIP and a valid point.");
                continue;
            }

            if (batch.Zips.Any(z => z.Code == zip))
            {
                folder.Problem(ZipCodes, line, $"ZIP {zip} appears twice.");
                continue;
            }

            batch.Zips.Add(new ZipCode { Code = zip, Point = point, CommunityAreaNumber = gazetteer.AreaContaining(point)?.Number });
        }
    }
}

/// <summary>A row of zip_codes.csv, read by position (zip, latitude, longitude) whatever the header says.</summary>
[CsvRecord]
internal sealed partial record ZipCodeRecord(
    [CsvColumn(Index = 0)] string? Zip = null,
    [CsvColumn(Index = 1)] string? Latitude = null,
    [CsvColumn(Index = 2)] string? Longitude = null);
