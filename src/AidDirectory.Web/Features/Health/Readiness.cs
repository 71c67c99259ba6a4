namespace AidDirectory.Web.Features.Health;

/// <summary>Whether this process should receive residents' requests: the decision behind <c>/readyz</c>.</summary>
public sealed record Readiness(bool Ready, bool IndexLoaded, bool DatabaseReachable, long IndexSequence, long? IndexBehindBy)
{
    /// <param name="indexLoaded">Whether the index was ever loaded from the database.</param>
    /// <param name="indexSequence">The publish sequence the index has applied.</param>
    /// <param name="published">The database's publish counter, or null when the database did not answer.</param>
    /// <param name="maxLag">How many publish steps behind still counts as ready.</param>
    public static Readiness Decide(bool indexLoaded, long indexSequence, long? published, int maxLag)
    {
        var behind = published is { } value ? Math.Max(0, value - indexSequence) : (long?)null;
        // An index that never loaded answers every search with nothing: not ready, whatever the database says.
        // A loaded index with the database unreachable stays ready: every resident page is answered from the
        // index, so search still works, and pulling every process because the shared database is down would
        // turn a degraded directory into no directory at all. The body says the database is unreachable.
        var ready = indexLoaded && (behind is null || behind <= maxLag);
        return new Readiness(ready, indexLoaded, published is not null, indexSequence, behind);
    }
}
