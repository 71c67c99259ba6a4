using System.CommandLine;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Cli;

/// <summary><c>aiddirectory migrate</c>: apply the migrations of the configured provider.</summary>
internal static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bring the database to the current schema.");
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(InvocationConfiguration console, CancellationToken cancellationToken)
    {
        await using var services = DirectoryCli.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        await console.Output.WriteLineAsync($"The database is at the latest schema ({db.Database.ProviderName}).");
        return 0;
    }
}
