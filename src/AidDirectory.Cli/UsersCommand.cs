using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime.Extensions;

namespace AidDirectory.Cli;

/// <summary>
/// <c>aiddirectory users create-admin &lt;email&gt; [--name "…"] [--url https://…]</c>: creates an administrator
/// without a password and prints a one-time setup link, valid for two days, where they choose one and turn
/// on two-factor sign-in. No default password exists anywhere.
/// </summary>
internal static class UsersCommand
{
    public static async Task<int> CreateAdminAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken)
    {
        if (args is not [var email, .. var options] || !email.Contains('@', StringComparison.Ordinal) || options.Length % 2 != 0)
        {
            await Console.Error.WriteLineAsync("usage: users create-admin <email> [--name \"Full Name\"] [--url https://directory.example.org]");
            return 2;
        }

        var settings = options.Chunk(2).ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
        if (settings.Keys.FirstOrDefault(k => k is not ("--name" or "--url")) is { } unknown)
        {
            await Console.Error.WriteLineAsync($"Unknown option {unknown}: use --name or --url.");
            return 2;
        }

        var url = settings.GetValueOrDefault("--url", "http://localhost:5080").TrimEnd('/');
        if (!Uri.TryCreate(url, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
        {
            await Console.Error.WriteLineAsync($"--url must be the site's address, like https://directory.example.org (got {url}).");
            return 2;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && !File.Exists(new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource))
        {
            await Console.Error.WriteLineAsync(
                $"No database at {Path.GetFullPath(new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource)}. Start the site once (it creates it), "
                + "or point ConnectionStrings__Directory at the site's database, e.g. \"Data Source=src/AidDirectory.Web/aiddirectory.db\".");
            return 1;
        }

        await db.Database.MigrateAsync(cancellationToken);
        try
        {
            var (user, token) = await SetupLinks.CreateAdministratorAsync(
                scope.ServiceProvider.GetRequiredService<UserManager<DirectoryUser>>(),
                scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>(),
                db, email, settings.GetValueOrDefault("--name"), TimeProvider.System.GetCurrentInstant());
            Console.WriteLine($"Administrator {user.Email} is ready in {db.Database.GetDbConnection().DataSource}.");
            Console.WriteLine($"Open this link within {SetupLinks.Lifetime.Days} days to choose a password and turn on two-factor sign-in. It works once; keep it private:");
            Console.WriteLine($"{url}/portal/account/setup?token={token}");
            return 0;
        }
        catch (InvalidOperationException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }
}
