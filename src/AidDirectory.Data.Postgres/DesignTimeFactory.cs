using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AidDirectory.Data.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context without a server (migrations need no connection).</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PostgresDirectoryDbContext>
{
    public PostgresDirectoryDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<PostgresDirectoryDbContext>()
            .UseNpgsql("Host=127.0.0.1;Database=aiddirectory;Username=aid",
                o => o.UseNetTopologySuite().MigrationsAssembly(PostgresDirectoryDbContext.MigrationsAssembly))
            .Options);
}
