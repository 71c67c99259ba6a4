using AidDirectory.Data;
using AidDirectory.Search.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Health;

/// <summary>
/// Health for load balancers and operators. <c>/healthz</c> (liveness): the process answers, nothing else is
/// touched. <c>/readyz</c> (readiness): the search index is loaded and not too far behind. <c>/api/v1/health</c>
/// (operators): whether the database answers, and how far this process's search index is behind what has
/// been published. With the database down, search still answers from the index: the process is "degraded",
/// not down, and stays ready. None of them reads or logs anything about the caller, and none may be cached.
/// </summary>
public static class HealthApi
{
    public sealed record Health(string Status, bool DatabaseReachable, long? PublishedSequence, long IndexSequence, long? IndexBehindBy, int IndexedListings);

    public sealed record Live(string Status);

    public sealed record Ready(string Status, bool DatabaseReachable, long IndexSequence, long? IndexBehindBy);

    public static void MapHealthApi(this IEndpointRouteBuilder routes)
    {
        var health = routes.MapGroup("").WithTags("Health").AddEndpointFilter(NoStore);
        health.MapGet("/api/v1/health", Check).WithName("Health")
            .WithSummary("Database reachability and how far this process's search index is behind.");
        health.MapGet("/healthz", Alive).WithName("Liveness")
            .WithSummary("Liveness: the process answers. Touches nothing else.");
        health.MapGet("/readyz", IsReady).WithName("Readiness")
            .WithSummary("Readiness: the search index is loaded and not too far behind. A database outage alone does not make a process unready.");
    }

    // A probe's answer is true for this instant and this process only: no cache or proxy may replay it.
    private static ValueTask<object?> NoStore(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        return next(context);
    }

    internal static async Task<Ok<Health>> Check(DirectoryDbContext db, PublishedListingIndex index, CancellationToken cancellationToken)
    {
        var published = await DatabaseProbe.PublishedSequenceAsync(db, cancellationToken);
        var behind = published is { } value ? Math.Max(0, value - index.Sequence) : (long?)null;
        var status = published is null ? "degraded" : behind > 0 ? "catching-up" : "ok";
        return TypedResults.Ok(new Health(status, published is not null, published, index.Sequence, behind, index.Count));
    }

    internal static Ok<Live> Alive() => TypedResults.Ok(new Live("alive"));

    internal static async Task<Results<Ok<Ready>, ProblemHttpResult>> IsReady(
        DirectoryDbContext db, PublishedListingIndex index, IOptions<HealthOptions> options, CancellationToken cancellationToken)
    {
        if (!index.IsLoaded)
        {
            return NotReady(Readiness.Decide(false, index.Sequence, null, options.Value.MaxIndexLag), options.Value.MaxIndexLag);
        }

        var published = await DatabaseProbe.PublishedSequenceAsync(db, cancellationToken);
        var readiness = Readiness.Decide(true, index.Sequence, published, options.Value.MaxIndexLag);
        return readiness.Ready
            ? TypedResults.Ok(new Ready(readiness.DatabaseReachable ? "ready" : "ready-database-unreachable", readiness.DatabaseReachable, readiness.IndexSequence, readiness.IndexBehindBy))
            : NotReady(readiness, options.Value.MaxIndexLag);
    }

    internal static ProblemHttpResult NotReady(Readiness readiness, int maxLag) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Not ready for residents' requests",
        detail: readiness.IndexLoaded
            ? $"The search index is {readiness.IndexBehindBy} publish steps behind the database, more than Health:MaxIndexLag ({maxLag}). It catches up on its next poll; if it stays behind, look for the poller's errors in the log."
            : "The search index has not been loaded from the database yet. It loads at start-up; if this lasts, check that the database is reachable and look for start-up errors in the log.");
}
