using System.Security.Cryptography;
using System.Threading.RateLimiting;
using AidDirectory.Core.Moderation;
using Microsoft.Extensions.Options;

namespace AidDirectory.Web.Features.Reports;

/// <summary>
/// Stops floods of reports (design §6.2): a few per client per hour and a ceiling for the whole site. The
/// counters live in this process's memory only, keyed by a keyed hash of the connection's address with a
/// key made at start-up, so not even memory holds a resident's address in the clear; nothing is written.
/// </summary>
public sealed class ReportLimiter : IDisposable
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly PartitionedRateLimiter<HttpContext> _limiter;

    public ReportLimiter(IOptions<ModerationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var o = options.Value;
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<HttpContext, string>(context => RateLimitPartition.GetFixedWindowLimiter(
                Client(context), _ => new FixedWindowRateLimiterOptions { PermitLimit = o.ReportsPerClientPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })),
            PartitionedRateLimiter.Create<HttpContext, string>(_ => RateLimitPartition.GetFixedWindowLimiter(
                "site", _ => new FixedWindowRateLimiterOptions { PermitLimit = o.ReportsPerHour, Window = TimeSpan.FromHours(1), QueueLimit = 0 })));
    }

    /// <summary>True when this report may be filed now.</summary>
    public bool TryAcquire(HttpContext context)
    {
        using var lease = _limiter.AttemptAcquire(context);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();

    private string Client(HttpContext context) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, context.Connection.RemoteIpAddress?.GetAddressBytes() ?? []));
}
