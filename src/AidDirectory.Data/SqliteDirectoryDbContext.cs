using AidDirectory.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace AidDirectory.Data;

public sealed class SqliteDirectoryDbContext(DbContextOptions<SqliteDirectoryDbContext> options) : DirectoryDbContext(options)
{
    public const string MigrationsAssembly = "AidDirectory.Data.Sqlite";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<Point>().HaveConversion<PointAsWkb, GeometryComparer<Point>>();
        configurationBuilder.Properties<Geometry>().HaveConversion<GeometryAsWkb, GeometryComparer<Geometry>>();
    }
}
