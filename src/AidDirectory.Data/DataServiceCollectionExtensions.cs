using AidDirectory.Data.Accounts;
using AidDirectory.Data.Import;
using AidDirectory.Data.Publishing;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace AidDirectory.Data;

public static class DataServiceCollectionExtensions
{
    public const string ConnectionStringName = "Directory";
    public const string DefaultSqliteConnectionString = "Data Source=aiddirectory.db";

    public static IServiceCollection AddDirectoryData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Provider), "Database:Provider must be Sqlite or Postgres.")
            .ValidateOnStart();
        // One publish step for every context: a save's transaction, sequence and listings live in that save, never in the step.
        services.AddSingleton<ListingPublishing>();
        services.AddDbContext<SqliteDirectoryDbContext>((sp, o) => o.UseSqlite(
                ConnectionString(sp, DatabaseProvider.Sqlite),
                sqlite => sqlite.MigrationsAssembly(SqliteDirectoryDbContext.MigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<ListingPublishing>()));
        services.AddDbContext<PostgresDirectoryDbContext>((sp, o) => o.UseNpgsql(
                ConnectionString(sp, DatabaseProvider.Postgres),
                npgsql => npgsql.UseNetTopologySuite().MigrationsAssembly(PostgresDirectoryDbContext.MigrationsAssembly))
            .AddInterceptors(sp.GetRequiredService<ListingPublishing>()));
        services.AddScoped<DirectoryDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteDirectoryDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresDirectoryDbContext>(),
        });
        services.AddScoped<DirectoryImport>();
        services.AddScoped<DirectoryDatabase>();
        return services;
    }

    /// <summary>User and role stores without sign-in (the command line); the web site adds full Identity on top.</summary>
    public static IServiceCollection AddDirectoryAccountStore(this IServiceCollection services)
    {
        services.AddIdentityCore<DirectoryUser>(o => o.User.RequireUniqueEmail = true)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<DirectoryDbContext>();
        return services;
    }

    // A write that waits on another's lock gives up after Database:LockTimeoutSeconds instead of holding the
    // request (SQLite's default is 30 s, PostgreSQL's forever); the web site answers that with 503 + Retry-After.
    private static string ConnectionString(IServiceProvider services, DatabaseProvider provider)
    {
        var seconds = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.LockTimeoutSeconds;
        var configured = ConfiguredConnectionString(services, provider);
        if (provider == DatabaseProvider.Sqlite)
        {
            return new SqliteConnectionStringBuilder(configured) { DefaultTimeout = seconds }.ToString();
        }

        var postgres = new NpgsqlConnectionStringBuilder(configured);
        postgres.Options = $"{postgres.Options} -c lock_timeout={seconds * 1000}".Trim();
        return postgres.ToString();
    }

    private static string ConfiguredConnectionString(IServiceProvider services, DatabaseProvider provider) =>
        services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) switch
        {
            { Length: > 0 } configured => configured,
            _ when provider == DatabaseProvider.Sqlite => DefaultSqliteConnectionString,
            _ => throw new InvalidOperationException(
                "ConnectionStrings:Directory is required when Database:Provider is Postgres, "
                + "e.g. ConnectionStrings__Directory=\"Host=127.0.0.1;Port=5432;Database=aiddirectory;Username=aid\"."),
        };
}
