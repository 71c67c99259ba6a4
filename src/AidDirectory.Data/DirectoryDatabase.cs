using AidDirectory.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AidDirectory.Data;

/// <summary>Brings the database to the current schema and, on a first run, fills it with the sample data.</summary>
public sealed class DirectoryDatabase(DirectoryDbContext db, DirectoryImport import, IOptions<DatabaseOptions> options, ILogger<DirectoryDatabase> logger)
{
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (!options.Value.SeedSampleData || await db.Services.AnyAsync(cancellationToken))
        {
            return;
        }

        var folder = options.Value.ResolvedSampleDataPath;
        ImportReport report;
        try
        {
            report = await import.ImportAsync(folder, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Several web processes started on an empty database together and another one seeded it
            // first: our import rolled back whole, and the data is there. Anything else is a real failure.
            db.ChangeTracker.Clear();
            if (!await db.Services.AnyAsync(cancellationToken))
            {
                throw;
            }

            DatabaseLog.SeededElsewhere(logger);
            return;
        }

        if (!report.Succeeded)
        {
            throw new InvalidOperationException(
                $"The sample data in {folder} could not be imported; nothing was written:{Environment.NewLine}"
                + string.Join(Environment.NewLine, report.Problems.Take(20)));
        }

        DatabaseLog.Seeded(logger, report.Listings, folder);
    }

}
