using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using AidDirectory.Web.Features.Shared;

namespace AidDirectory.Web.Features.Accounts;

/// <summary>
/// Slows guessing at passwords and codes without letting anyone lock staff out (issue 13, finding 4).
/// Failures are counted per client network (<see cref="NetworkPrefix"/>) and per address typed on that
/// network, never per account alone: failures from elsewhere never stop the owner signing in from their own
/// network. The address typed counts whether or not it has an account, so being slowed down says nothing about
/// which accounts exist. The counters live in this process's memory only, keyed by a keyed hash made with a key
/// drawn at start-up; nothing is written to disk or to a log.
/// </summary>
public sealed class SignInThrottle(TimeProvider time)
{
    /// <summary>Failed attempts at one address from one network within <see cref="Window"/>.</summary>
    public const int FailuresPerAddressAndNetwork = 5;

    /// <summary>Failed attempts at any addresses from one network within <see cref="Window"/> (password spraying).</summary>
    public const int FailuresPerNetwork = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Each network adds at most FailuresPerNetwork + 1 entries per window; past this many, expired ones are dropped.
    private const int SweepAbove = 50_000;

    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, Failures> _failures = new(StringComparer.Ordinal);

    private sealed record Failures(DateTimeOffset Since, int Count);

    /// <summary>Who is trying: the hashed network and the hashed (network, address typed) pair.</summary>
    public readonly record struct Client(string Network, string AddressOnNetwork);

    /// <summary>The client of this request, trying the address typed (normalized as Identity does, so case makes no new counter).</summary>
    public Client For(HttpContext context, string normalizedEmail)
    {
        var prefix = NetworkPrefix.Of(context);
        return new(Hash([(byte)'n', .. prefix]), Hash([(byte)'a', .. prefix, 0, .. Encoding.UTF8.GetBytes(normalizedEmail)]));
    }

    /// <summary>How long this client must wait before trying again; null when it may try now.</summary>
    public TimeSpan? RetryAfter(Client client)
    {
        var now = time.GetUtcNow();
        var network = Wait(client.Network, FailuresPerNetwork, now);
        var address = Wait(client.AddressOnNetwork, FailuresPerAddressAndNetwork, now);
        return network is null ? address : address is null || network > address ? network : address;
    }

    public void Failed(Client client)
    {
        var now = time.GetUtcNow();
        Count(client.Network, now);
        Count(client.AddressOnNetwork, now);
        if (_failures.Count > SweepAbove)
        {
            foreach (var (key, failures) in _failures)
            {
                if (now - failures.Since >= Window)
                {
                    _failures.TryRemove(key, out _);
                }
            }
        }
    }

    /// <summary>A sign-in that worked clears the address's count on that network (not the network's own).</summary>
    public void Succeeded(Client client) => _failures.TryRemove(client.AddressOnNetwork, out _);

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now) =>
        _failures.TryGetValue(key, out var failures) && now - failures.Since < Window && failures.Count >= limit
            ? failures.Since + Window - now
            : null;

    private void Count(string key, DateTimeOffset now) =>
        _failures.AddOrUpdate(key, _ => new Failures(now, 1), (_, old) => now - old.Since >= Window ? new Failures(now, 1) : old with { Count = old.Count + 1 });

    private string Hash(byte[] value) => Convert.ToBase64String(HMACSHA256.HashData(_key, value));
}
