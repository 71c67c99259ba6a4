using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Cli;

/// <summary><c>aiddirectory migrate</c>: apply the migrations of the configured provider.</summary>
internal static class MigrateCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        Console.WriteLine($"The database is at the latest schema ({db.Database.ProviderName}).");
        return 0;
    }
}
