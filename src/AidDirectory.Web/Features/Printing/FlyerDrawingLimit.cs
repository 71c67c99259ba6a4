using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Printing;

/// <summary>
/// The slots for drawing flyers: <see cref="FlyerOptions.MaxConcurrentDrawings"/> at once, then a queue of
/// <see cref="FlyerOptions.QueueLimit"/>, oldest first. A flyer served from the output cache takes no slot.
/// </summary>
public sealed class FlyerDrawingLimit(IOptions<FlyerOptions> options) : IDisposable
{
    private readonly ConcurrencyLimiter _limiter = new(new ConcurrencyLimiterOptions
    {
        PermitLimit = options.Value.MaxConcurrentDrawings,
        QueueLimit = options.Value.QueueLimit,
        QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
    });

    public int RetryAfterSeconds { get; } = options.Value.RetryAfterSeconds;

    /// <summary>A slot, waiting in the queue if need be; a lease that is not acquired means the queue was full.</summary>
    public ValueTask<RateLimitLease> AcquireAsync(CancellationToken cancellationToken) => _limiter.AcquireAsync(1, cancellationToken);

    /// <summary>How many requests wait for a slot now.</summary>
    public long Queued => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    public void Dispose() => _limiter.Dispose();
}
