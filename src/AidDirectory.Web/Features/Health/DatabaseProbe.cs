using System.Data.Common;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Health;

/// <summary>Asks the database for its publish counter, within a second: the value, or null when the database cannot answer.</summary>
internal static class DatabaseProbe
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(1); // a probe must answer even when the database hangs

    public static async Task<long?> PublishedSequenceAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Patience);
        try
        {
            return await db.PublishCounters.AsNoTracking().Select(c => c.Value).SingleAsync(timeout.Token);
        }
        // What a failing database throws, by provider and layer:
        // - DbException: SqliteException (file missing or unreadable), NpgsqlException (refused, reset, auth).
        // - InvalidOperationException: EF wraps a connection failure in it on PostgreSQL (and when a retrying
        //   execution strategy gives up); SingleAsync also throws it when the counter row is missing, which is
        //   a broken database too.
        // - TimeoutException: a provider's own connect or command timeout that is not wrapped.
        // - OperationCanceledException from our one-second timeout, but not from the request's own
        //   cancellation: a caller that went away gets no answer, and that propagates.
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return null;
        }
    }
}
