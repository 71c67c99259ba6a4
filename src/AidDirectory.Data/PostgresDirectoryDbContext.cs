using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Places;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Data;

public sealed class PostgresDirectoryDbContext(DbContextOptions<PostgresDirectoryDbContext> options) : DirectoryDbContext(options)
{
    public const string MigrationsAssembly = "AidDirectory.Data.Postgres";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.Entity<Location>().Property(l => l.Point).HasColumnType("geography (point, 4326)");
        modelBuilder.Entity<Location>().HasIndex(l => l.Point).HasMethod("gist");
        modelBuilder.Entity<ZipCode>().Property(z => z.Point).HasColumnType("geography (point, 4326)");
        modelBuilder.Entity<CommunityArea>().Property(a => a.Boundary).HasColumnType("geography (multipolygon, 4326)");
        modelBuilder.Entity<ServiceArea>().Property(a => a.Extent).HasColumnType("geography (geometry, 4326)");
    }
}
