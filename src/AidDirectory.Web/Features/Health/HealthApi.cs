using System.Data.Common;
using AidDirectory.Data;
using AidDirectory.Search.Indexing;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Health;

/// <summary>
/// <c>/api/v1/health</c> for a load balancer or an operator: whether the database answers, and how far
/// this process's search index is behind what has been published. With the database down, search still
/// answers from the index: the process is "degraded", not down.
/// </summary>
public static class HealthApi
{
    public sealed record Health(string Status, bool DatabaseReachable, long? PublishedSequence, long IndexSequence, long? IndexBehindBy, int IndexedListings);

    public static void MapHealthApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/health", Check).WithTags("Health").WithName("Health")
            .WithSummary("Database reachability and how far this process's search index is behind.");

    internal static async Task<Ok<Health>> Check(DirectoryDbContext db, PublishedListingIndex index, CancellationToken cancellationToken)
    {
        long? published;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1)); // a probe must answer even when the database hangs
        try
        {
            published = await db.PublishCounters.AsNoTracking().Select(c => c.Value).SingleAsync(timeout.Token);
        }
        catch (Exception e) when (e is DbException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            published = null;
        }

        var behind = published is { } value ? Math.Max(0, value - index.Sequence) : (long?)null;
        var status = published is null ? "degraded" : behind > 0 ? "catching-up" : "ok";
        return TypedResults.Ok(new Health(status, published is not null, published, index.Sequence, behind, index.Count));
    }
}
