using Microsoft.AspNetCore.Identity;
using NodaTime;

namespace AidDirectory.Data.Accounts;

/// <summary>A person who signs in: an organization's editor, a moderator or an administrator.</summary>
public sealed class DirectoryUser : IdentityUser<Guid>
{
    /// <summary>The name moderators and colleagues see.</summary>
    public string? DisplayName { get; set; }
    public Instant CreatedAt { get; set; }

    /// <summary>SHA-256 of the one-time setup link's secret (the first administrator's); null once used.</summary>
    public string? SetupTokenHash { get; set; }
    public Instant? SetupTokenExpiresAt { get; set; }

    /// <summary>When the person's data was erased; the row stays so the audit trail keeps a pseudonym.</summary>
    public Instant? ErasedAt { get; set; }

    /// <summary>How the audit log names this person once erased.</summary>
    public string Pseudonym => $"erased user {Id.ToString("N")[..8]}";

    public string Label => ErasedAt is null ? DisplayName ?? Email ?? UserName ?? Pseudonym : Pseudonym;
}
