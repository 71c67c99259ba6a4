using AidDirectory.Data;
using AidDirectory.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AidDirectory.Cli;

/// <summary><c>aiddirectory import [folder]</c>: the same import the web site runs on its first start.</summary>
internal static class ImportCommand
{
    public static async Task<int> RunAsync(IServiceProvider services, string? folder, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var path = Path.GetFullPath(folder ?? scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolvedSampleDataPath);
        var report = await scope.ServiceProvider.GetRequiredService<DirectoryImport>().ImportAsync(path, cancellationToken);
        if (!report.Succeeded)
        {
            await Console.Error.WriteLineAsync($"Nothing was imported from {path}: {report.Problems.Count} problem(s).");
            foreach (var problem in report.Problems)
            {
                await Console.Error.WriteLineAsync(problem.ToString());
            }

            return 1;
        }

        foreach (var (source, count) in report.ListingsPerSource.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            Console.WriteLine($"{source,-28} {count,5} listings");
        }

        Console.WriteLine($"Imported {report.Listings} listings from {path}: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Withdrawn} no longer in their source (closed).");
        return 0;
    }
}
