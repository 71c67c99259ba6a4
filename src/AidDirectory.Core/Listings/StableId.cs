using System.Security.Cryptography;
using System.Text;

namespace AidDirectory.Core.Listings;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5) so that importing the same source row twice gives the same id:
/// import stays idempotent and a listing's URL survives a re-import.
/// </summary>
public static class StableId
{
    private static readonly Guid Namespace = new("5f0c2b8e-4d1a-4b7e-9a51-3c8f2d6e7a10");

    public static Guid For(string kind, string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(kind);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        Span<byte> name = stackalloc byte[16];
        Namespace.TryWriteBytes(name, bigEndian: true, out _);
        var input = Encoding.UTF8.GetBytes($"{kind}:{key}");
        var buffer = new byte[16 + input.Length];
        name.CopyTo(buffer);
        input.CopyTo(buffer, 16);
        var hash = SHA1.HashData(buffer);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash.AsSpan(0, 16), bigEndian: true);
    }
}
