using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Data.Publishing;

public static class SeenVersion
{
    /// <summary>
    /// Says that the change about to be saved was made from <paramref name="seenVersion"/> of the record (the
    /// version a form was built from), not from the version just read: the save fails with
    /// <see cref="DbUpdateConcurrencyException"/> and writes nothing if the record has moved on since.
    /// </summary>
    public static void ExpectVersion<T>(this DirectoryDbContext db, T entity, int seenVersion)
        where T : class, IVersioned
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entity);
        var entry = db.Entry(entity);
        if (entry.State is EntityState.Detached or EntityState.Added)
        {
            throw new InvalidOperationException(
                $"ExpectVersion needs a {typeof(T).Name} read from the database by this context; this one is {entry.State}.");
        }

        // The publish step raises the current value from this original one, and EF checks it in the UPDATE's WHERE.
        entry.Property<int>(nameof(IVersioned.Version)).OriginalValue = seenVersion;
    }
}
