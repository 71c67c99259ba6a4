using System.CommandLine;
using AidDirectory.Data;
using AidDirectory.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AidDirectory.Cli;

/// <summary><c>aiddirectory import [folder]</c>: the same import the web site runs on its first start.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var folder = new Argument<string>("folder")
        {
            Description = "The data folder (default: the sample data shipped beside the program).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        DirectoryCli.RejectOptionsAsValue(folder, "import takes only a folder (write ./-name for a folder whose name starts with -)");
        var command = new Command("import",
            "Import a data folder (default: the sample data shipped beside the program); every row is checked first, and nothing is written if any row is bad.")
        {
            folder,
        };
        command.SetAction((parsed, cancellationToken) => RunAsync(parsed.GetValue(folder), parsed.InvocationConfiguration, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string? folder, InvocationConfiguration console, CancellationToken cancellationToken)
    {
        await using var services = DirectoryCli.BuildServices();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        await db.Database.MigrateAsync(cancellationToken);
        var path = Path.GetFullPath(folder ?? scope.ServiceProvider.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolvedSampleDataPath);
        var report = await scope.ServiceProvider.GetRequiredService<DirectoryImport>().ImportAsync(path, cancellationToken);
        if (!report.Succeeded)
        {
            await console.Error.WriteLineAsync($"Nothing was imported from {path}: {report.Problems.Count} problem(s).");
            foreach (var problem in report.Problems)
            {
                await console.Error.WriteLineAsync(problem.ToString());
            }

            return 1;
        }

        foreach (var (source, count) in report.ListingsPerSource.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            await console.Output.WriteLineAsync($"{source,-28} {count,5} listings");
        }

        await console.Output.WriteLineAsync($"Imported {report.Listings} listings from {path}: {report.Added} added, {report.Updated} updated, {report.Unchanged} unchanged, {report.Withdrawn} no longer in their source (closed).");
        return 0;
    }
}
