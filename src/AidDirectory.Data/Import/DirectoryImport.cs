using AidDirectory.Core.Listings;
using AidDirectory.Data.Publishing;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Data.Import;

/// <summary>
/// Imports a data folder into the database: the one code path behind first-run seeding and
/// <c>aiddirectory import</c>. Idempotent (ids are derived from source ids, so a second run changes
/// nothing) and all-or-nothing (every row is checked before anything is written, in one transaction).
/// </summary>
public sealed class DirectoryImport(DirectoryDbContext db)
{
    public async Task<ImportReport> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        var batch = await new SampleDataReader(folder, new ModelLimits(db.Model)).ReadAsync(cancellationToken);
        var perSource = batch.Services.GroupBy(s => s.Service.SourceKey)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        if (batch.Problems.Count > 0)
        {
            return new ImportReport(batch.Problems, perSource, 0, 0, 0, 0);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await UpsertAsync(db.DataSources, batch.Sources, s => s.Key, cancellationToken);
        await UpsertAsync(db.TaxonomyTerms, batch.Terms, t => t.Code, cancellationToken);
        await UpsertAsync(db.CommunityAreas, batch.Areas, a => a.Number, cancellationToken);
        await UpsertAsync(db.ZipCodes, batch.Zips, z => z.Code, cancellationToken);
        await UpsertAsync(db.Organizations, batch.Organizations.Values, o => o.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var (added, updated, unchanged, withdrawn) = await UpsertServicesAsync(batch, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ImportReport([], perSource, added, updated, unchanged, withdrawn);
    }

    private async Task<(int Added, int Updated, int Unchanged, int Withdrawn)> UpsertServicesAsync(ImportBatch batch, CancellationToken cancellationToken)
    {
        var terms = await db.TaxonomyTerms.ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var existing = await db.Services
            .Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.Categories)
            .Include(s => s.ServiceAreas).Include(s => s.Contacts)
            .Include(s => s.ServiceAtLocations).ThenInclude(sal => sal.Location)
            .AsSplitQuery()
            .ToDictionaryAsync(s => s.Id, cancellationToken);
        var touched = new List<Service>();
        var added = 0;
        foreach (var (incoming, codes, _, _) in batch.Services)
        {
            if (!existing.TryGetValue(incoming.Id, out var service))
            {
                incoming.Categories.AddRange(codes.Select(c => terms[c]));
                db.Services.Add(incoming);
                added++;
                continue;
            }

            Copy(service, incoming);
            // A place the source no longer gives goes with its link: no exact address is kept for nothing.
            foreach (var gone in service.ServiceAtLocations.Where(s => incoming.ServiceAtLocations.All(i => i.Id != s.Id)))
            {
                db.Locations.Remove(gone.Location);
            }

            Sync(service.Phones, incoming.Phones, p => p.Id, Copy);
            Sync(service.Schedules, incoming.Schedules, s => s.Id, Copy);
            Sync(service.ServiceAreas, incoming.ServiceAreas, a => a.Id, Copy);
            Sync(service.Contacts, incoming.Contacts, c => c.Id, Copy);
            Sync(service.ServiceAtLocations, incoming.ServiceAtLocations, s => s.Id, (to, from) => Copy(to.Location, from.Location));
            Sync(service.Categories, codes.Select(c => terms[c]).ToList(), t => t.Code, (_, _) => { });
            touched.Add(service);
        }

        var withdrawn = Withdraw(existing.Values, batch);
        db.ChangeTracker.DetectChanges();
        var changed = ListingChanges.Changed(db.ChangeTracker)
            .Select(part => part switch
            {
                Service s => s.Id,
                Core.Locations.Location l => touched.FirstOrDefault(s => s.ServiceAtLocations.Any(x => x.LocationId == l.Id))?.Id ?? Guid.Empty,
                _ => ListingChanges.OwningService(part),
            })
            .ToHashSet();
        var updated = touched.Count(s => changed.Contains(s.Id));
        await db.SaveChangesAsync(cancellationToken);
        return (added, updated, touched.Count - updated, withdrawn);
    }

    // A listing its source no longer lists is closed, not deleted: residents who saved its link are told
    // it closed, and a moderator can still see what it was.
    private static int Withdraw(IEnumerable<Service> existing, ImportBatch batch)
    {
        var sources = batch.Services.Select(s => s.Service.SourceKey).ToHashSet(StringComparer.Ordinal);
        var listed = batch.Services.Select(s => s.Service.Id).ToHashSet();
        var gone = existing.Where(s => sources.Contains(s.SourceKey) && !listed.Contains(s.Id) && s.Status != ServiceStatus.Closed).ToList();
        foreach (var service in gone)
        {
            service.Status = ServiceStatus.Closed;
            service.StatusReason = "No longer listed by its source.";
        }

        return gone.Count;
    }

    // Copies the incoming values onto the tracked entity, except the version and the publish sequence, which
    // the publish step owns. EF marks only the values that differ as modified, so re-importing an unchanged
    // row writes nothing and keeps its version.
    private void Copy<T>(T current, T incoming) where T : class
    {
        var entry = db.Entry(current);
        var values = db.Entry(incoming).CurrentValues.Clone();
        foreach (var kept in KeptOnImport.Where(name => entry.Metadata.FindProperty(name) is not null))
        {
            values[kept] = entry.CurrentValues[kept];
        }

        entry.CurrentValues.SetValues(values);
    }

    private static readonly string[] KeptOnImport = [nameof(IVersioned.Version), nameof(Service.PublishSequence)];

    private async Task UpsertAsync<T, TKey>(DbSet<T> set, IEnumerable<T> incoming, Func<T, TKey> key, CancellationToken cancellationToken)
        where T : class
        where TKey : notnull
    {
        var existing = (await set.ToListAsync(cancellationToken)).ToDictionary(key);
        foreach (var item in incoming)
        {
            if (existing.TryGetValue(key(item), out var current))
            {
                Copy(current, item);
            }
            else
            {
                set.Add(item);
            }
        }
    }

    private static void Sync<T, TKey>(List<T> current, List<T> desired, Func<T, TKey> key, Action<T, T> update)
        where TKey : notnull
    {
        var wanted = desired.ToDictionary(key);
        current.RemoveAll(item => !wanted.ContainsKey(key(item)));
        var have = current.ToDictionary(key);
        foreach (var item in desired)
        {
            if (have.TryGetValue(key(item), out var existing))
            {
                update(existing, item);
            }
            else
            {
                current.Add(item);
            }
        }
    }
}
