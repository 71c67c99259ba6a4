using System.Runtime.CompilerServices;
using AidDirectory.Core.Audit;
using AidDirectory.Core.Listings;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AidDirectory.Data.Publishing;

/// <summary>
/// The publish step, run on every save of a <see cref="DirectoryDbContext"/>: it refuses changes to the audit
/// log, raises the version of every changed record (and of a service whose parts changed), and stamps changed
/// listings with the next publish sequence, which the search index feed follows. The counter, the records and
/// the re-stamp of listings changed without being loaded are written in one transaction: the caller's, which
/// it leaves for the caller to commit, or its own.
/// </summary>
/// <remarks>
/// Registered once per host (it keeps no state of a save in itself) by
/// <see cref="DataServiceCollectionExtensions.AddDirectoryData"/>. There is only an asynchronous path:
/// <c>SaveChanges()</c> is refused.
/// </remarks>
public sealed class ListingPublishing : SaveChangesInterceptor
{
    // Both SQLite (3.35+) and PostgreSQL return the updated value. The UPDATE holds the row until commit, so
    // sequences are committed in the order they are taken and the index feed never passes over one.
    private const string NextSequenceSql = "UPDATE \"PublishCounters\" SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1 RETURNING \"Value\" AS \"Value\"";

    private static readonly object Saving = new();

    // The contexts this step is saving right now, so that the save it makes itself passes through. A context
    // is never used by two threads at once, and its entry goes when its save returns.
    private readonly ConditionalWeakTable<DbContext, object> _saving = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        // ASP.NET Core's key ring store (IXmlRepository) is synchronous and only ever adds a key, which has
        // nothing to publish, raise or guard.
        if (eventData.Context is { } db && OnlyAddsKeys(db.ChangeTracker))
        {
            return result;
        }

        throw new InvalidOperationException(
            "Call SaveChangesAsync instead of SaveChanges: the publish step (versions, the append-only audit log, "
            + "the publish sequence and its transaction) runs only when saving asynchronously.");
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventData);
        if (eventData.Context is not DirectoryDbContext db || result.HasResult || !_saving.TryAdd(db, Saving))
        {
            return result;
        }

        try
        {
            db.ChangeTracker.DetectChanges();
            RefuseAuditChanges(db.ChangeTracker);
            var changes = ListingChanges.Of(db.ChangeTracker);
            RaiseVersions(db.ChangeTracker, changes);
            return changes.IsEmpty
                ? result
                : InterceptionResult<int>.SuppressWithResult(await PublishAsync(db, changes, cancellationToken));
        }
        finally
        {
            _saving.Remove(db);
        }
    }

    // The step saves the records itself, inside the transaction, and EF's own save is then suppressed.
    // Splitting the work over SavedChangesAsync and SaveChangesFailedAsync would leave the transaction (and
    // the counter's row lock) open after a lost race: since EF Core 7 a DbUpdateConcurrencyException reaches
    // neither (https://github.com/dotnet/efcore/issues/32750). Here every way out, a failure, a conflict or a
    // cancellation, disposes the transaction uncommitted, which rolls it back.
    private static async Task<int> PublishAsync(DirectoryDbContext db, ListingChanges changes, CancellationToken cancellationToken)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await using (own)
        {
            var sequence = (await db.Database.SqlQueryRaw<long>(NextSequenceSql).ToListAsync(cancellationToken)).Single();
            foreach (var service in changes.Tracked)
            {
                service.PublishSequence = sequence;
            }

            var rows = await db.SaveChangesAsync(cancellationToken);
            if (changes.NeedsRestamp)
            {
                await changes.NotLoaded(db.Services).ExecuteUpdateAsync(u => u.SetProperty(s => s.PublishSequence, sequence), cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return rows;
        }
    }

    private static void RefuseAuditChanges(ChangeTracker tracker)
    {
        if (tracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("The audit log is append-only: an entry cannot be changed or deleted.");
        }
    }

    // The version is application-managed because SQLite cannot generate row versions. EF compares the original
    // value in the UPDATE's WHERE clause, so a write based on an older read affects no row. A service's phones,
    // hours, categories and places are part of it: changing any of them raises the service's version too, so
    // two edits of its hours cannot both win. A form that posts back the version it was built from says so
    // with SeenVersion.ExpectVersion, which sets the original value compared here.
    private static void RaiseVersions(ChangeTracker tracker, ListingChanges changes)
    {
        foreach (var entry in tracker.Entries<IVersioned>().ToList())
        {
            var ownsChange = entry.Entity is Service service && changes.WithChangedParts.Contains(service.Id);
            if (entry.State == EntityState.Modified || (entry.State == EntityState.Unchanged && ownsChange))
            {
                var version = entry.Property<int>(nameof(IVersioned.Version));
                version.CurrentValue = version.OriginalValue + 1;
            }
        }
    }

    private static bool OnlyAddsKeys(ChangeTracker tracker)
    {
        tracker.DetectChanges();
        var changed = tracker.Entries().Where(e => e.State is not (EntityState.Unchanged or EntityState.Detached)).ToList();
        return changed.Count > 0 && changed.All(e => e is { State: EntityState.Added, Entity: DataProtectionKey });
    }
}
