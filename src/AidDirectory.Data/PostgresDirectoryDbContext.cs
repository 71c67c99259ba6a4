using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Data;

public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options)
{
    public const string MigrationsAssembly = "AidDirectory.Data.Postgres";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.HasPostgresExtension("postgis");
        builder.Entity<Location>().Property(l => l.Point).HasColumnType("geography (point, 4326)");
        builder.Entity<Location>().HasIndex(l => l.Point).HasMethod("gist");
        builder.Entity<ZipCode>().Property(z => z.Point).HasColumnType("geography (point, 4326)");
        builder.Entity<CommunityArea>().Property(a => a.Boundary).HasColumnType("geography (multipolygon, 4326)");
        builder.Entity<ServiceArea>().Property(a => a.Extent).HasColumnType("geography (geometry, 4326)");
    }
}
