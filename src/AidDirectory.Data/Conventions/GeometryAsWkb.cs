using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace AidDirectory.Data.Conventions;

/// <summary>
/// SQLite has no spatial types here (the SpatiaLite package is not served), so geometry is stored as
/// well-known binary and every spatial question is answered in memory with NetTopologySuite.
/// </summary>
internal static class Wkb
{
    public static byte[] Write(Geometry geometry) =>
        new WKBWriter(ByteOrder.LittleEndian, handleSRID: false).Write(geometry);

    public static T Read<T>(byte[] bytes) where T : Geometry
    {
        var geometry = new WKBReader().Read(bytes);
        geometry.SRID = 4326;
        return (T)geometry;
    }
}

internal sealed class PointAsWkb() : ValueConverter<Point, byte[]>(p => Wkb.Write(p), b => Wkb.Read<Point>(b));

internal sealed class GeometryAsWkb() : ValueConverter<Geometry, byte[]>(g => Wkb.Write(g), b => Wkb.Read<Geometry>(b));

internal sealed class GeometryComparer<T>() : ValueComparer<T>(
    (a, b) => a == null ? b == null : b != null && a.EqualsExact(b),
    g => g.GetHashCode(),
    g => (T)g.Copy()) where T : Geometry;
