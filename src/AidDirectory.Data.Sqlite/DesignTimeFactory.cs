using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AidDirectory.Data.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context without starting the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<SqliteDirectoryDbContext>
{
    public SqliteDirectoryDbContext CreateDbContext(string[] args) => new(
        new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
            .UseSqlite(DataServiceCollectionExtensions.DefaultSqliteConnectionString,
                o => o.MigrationsAssembly(SqliteDirectoryDbContext.MigrationsAssembly))
            .Options);
}
