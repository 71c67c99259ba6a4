using System.Net;
using System.Net.Sockets;

namespace AidDirectory.Web.Features.Shared;

/// <summary>
/// The network a request came from, as wide as one household, office or phone carrier's customer usually
/// holds: an IPv4 /24 or an IPv6 /64. Limits and "distinct reporters" count prefixes, never whole addresses,
/// because one IPv6 customer owns a whole /64 and can change address at will. Callers hash the result with a
/// key of their own before keeping it anywhere, even in memory.
/// </summary>
public static class NetworkPrefix
{
    /// <summary>
    /// The prefix's bytes, with the address family first so an IPv4 /24 and an IPv6 /64 can never collide.
    /// An IPv4 address written as IPv6 (<c>::ffff:a.b.c.d</c>) counts as the IPv4 address it is. No address
    /// (an in-process test server, a Unix socket) is one prefix of its own.
    /// </summary>
    public static byte[] Of(IPAddress? address)
    {
        if (address is null)
        {
            return [0];
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var bytes = address.GetAddressBytes();
        return address.AddressFamily == AddressFamily.InterNetwork
            ? [4, bytes[0], bytes[1], bytes[2]]
            : [6, .. bytes.AsSpan(0, 8)];
    }

    /// <summary>The prefix of the connection's address, after the trusted proxy's forwarded headers are applied.</summary>
    public static byte[] Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Of(context.Connection.RemoteIpAddress);
    }
}
