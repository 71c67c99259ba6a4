using System.CommandLine;
using AidDirectory.Core.Deployment;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
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
    public static Command Create() => new("users", "Staff accounts.") { CreateAdmin() };

    private static Command CreateAdmin()
    {
        var email = new Argument<string>("email") { Description = "The administrator's email address; they sign in with it." };
        DirectoryCli.RejectOptionsAsValue(email, "use --name or --url");
        email.Validators.Add(result =>
        {
            // Validators read the token, not the value: reading the value of a result that already has an error throws.
            if (result.Tokens is [{ Value: var value }] && !value.StartsWith('-') && !value.Contains('@', StringComparison.Ordinal))
            {
                result.AddError($"\"{value}\" is not an email address.");
            }
        });
        var name = new Option<string>("--name") { Description = "Their full name.", HelpName = "Full Name" };
        var url = new Option<string>("--url")
        {
            Description = "The site's address, which the setup link starts with (default: Deployment__PublicUrl, as the site uses; else http://localhost:5080).",
            HelpName = "https://site",
        };
        url.Validators.Add(result =>
        {
            if (result.Tokens is not [{ Value: var given }])
            {
                return;
            }

            var value = given.TrimEnd('/');
            if (!Uri.TryCreate(value, UriKind.Absolute, out var site) || site.Scheme is not ("http" or "https"))
            {
                result.AddError($"--url must be the site's address, like https://directory.example.org (got {value}).");
            }
        });
        var command = new Command("create-admin",
            "Create an administrator and print a one-time setup link (no default password exists; the link lets them choose one and turn on two-factor sign-in).")
        {
            email, name, url,
        };
        command.SetAction((parsed, cancellationToken) => CreateAdminAsync(
            parsed.GetRequiredValue(email), parsed.GetValue(name), parsed.GetValue(url)?.TrimEnd('/'), parsed.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> CreateAdminAsync(string email, string? name, string? url, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        await using var services = DirectoryCli.BuildServices();
        // The same public address the site writes into its links; --url only when this machine's settings lack it.
        var site = url ?? services.GetRequiredService<IConfiguration>().GetSection(DeploymentOptions.Section).Get<DeploymentOptions>()?.PublicRoot?.AbsoluteUri.TrimEnd('/');
        if (site is null)
        {
            site = "http://localhost:5080";
            await console.Error.WriteLineAsync($"Deployment__PublicUrl is not set and no --url was given: the link starts with {site}, the address of `dotnet run`.");
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && !File.Exists(new SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource))
        {
            await console.Error.WriteLineAsync(
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
                db, email, name, TimeProvider.System.GetCurrentInstant());
            await console.Output.WriteLineAsync($"Administrator {user.Email} is ready in {db.Database.GetDbConnection().DataSource}.");
            await console.Output.WriteLineAsync($"Open this link within {SetupLinks.Lifetime.Days} days to choose a password and turn on two-factor sign-in. It works once; keep it private:");
            await console.Output.WriteLineAsync($"{site}/portal/account/setup?token={token}");
            return 0;
        }
        catch (InvalidOperationException refused)
        {
            await console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }
}
