using System.Globalization;
using NetTopologySuite.Geometries;

namespace AidDirectory.Data.Import;

/// <summary>Points and shapes of the data folder, in WGS 84 (SRID 4326) like everything the directory stores.</summary>
internal static class Coordinates
{
    public static readonly GeometryFactory Geometry = new(new PrecisionModel(), 4326);

    public static bool TryPoint(string? latitude, string? longitude, out Point point)
    {
        point = null!;
        if (!double.TryParse(latitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
            || !double.TryParse(longitude, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
            || lat is < -90 or > 90 || lon is < -180 or > 180 || (lat == 0 && lon == 0))
        {
            return false;
        }

        point = Geometry.CreatePoint(new Coordinate(lon, lat));
        return true;
    }
}
