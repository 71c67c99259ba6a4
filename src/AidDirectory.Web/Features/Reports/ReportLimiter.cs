using System.Security.Cryptography;
using System.Threading.RateLimiting;
using AidDirectory.Core.Moderation;
using AidDirectory.Web.Features.Shared;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Reports;

/// <summary>
/// Keeps floods of reports from weighing (design §6.2) without stopping anyone elsewhere: limits per network
/// (<see cref="NetworkPrefix"/>, so a whole IPv6 /64 is one sender) and per listing, never for the whole site.
/// Within both, a report counts; over either, it still reaches moderators but never counts; over the
/// network's ceiling, it is refused. The counters live in this process's memory only (each web process has
/// its own), keyed by a keyed hash of the prefix with a key made at start-up; nothing is written.
/// </summary>
public sealed class ReportLimiter : IDisposable
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly PartitionedRateLimiter<string> _ceiling;
    private readonly PartitionedRateLimiter<string> _network;
    private readonly PartitionedRateLimiter<Guid> _listing;

    public ReportLimiter(IOptions<ModerationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _ceiling = Hourly<string>(o.ReportsPerNetworkPerHourCeiling);
        _network = Hourly<string>(o.ReportsPerNetworkPerHour);
        _listing = Hourly<Guid>(o.ReportsPerListingPerHour);
    }

    public ReportAllowance TryAcquire(HttpContext context, Guid serviceId)
    {
        var network = Network(context);
        if (!Acquire(_ceiling, network))
        {
            return ReportAllowance.Refused;
        }

        // Short-circuit: a network over its own limit must not use up the listing's permits, which belong to
        // residents on other networks.
        return Acquire(_network, network) && Acquire(_listing, serviceId) ? ReportAllowance.Counted : ReportAllowance.OverLimit;
    }

    public void Dispose()
    {
        _ceiling.Dispose();
        _network.Dispose();
        _listing.Dispose();
    }

    private static PartitionedRateLimiter<T> Hourly<T>(int permits) where T : notnull =>
        PartitionedRateLimiter.Create<T, T>(partition => RateLimitPartition.GetFixedWindowLimiter(
            partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromHours(1), QueueLimit = 0 }));

    private static bool Acquire<T>(PartitionedRateLimiter<T> limiter, T partition)
    {
        using var lease = limiter.AttemptAcquire(partition);
        return lease.IsAcquired;
    }

    private string Network(HttpContext context) => Convert.ToBase64String(HMACSHA256.HashData(_key, NetworkPrefix.Of(context)));
}
