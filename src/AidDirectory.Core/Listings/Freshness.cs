using NodaTime;

namespace AidDirectory.Core.Listings;

/// <summary>How recently a listing was confirmed, and whether residents should be warned.</summary>
public sealed record Freshness(Instant? LastVerifiedAt, Duration? Age, bool IsStale)
{
    public static Freshness Of(Instant? lastVerifiedAt, Instant now, int staleAfterDays)
    {
        if (lastVerifiedAt is not { } verified)
        {
            return new Freshness(null, null, true);
        }

        var age = now - verified;
        return new Freshness(verified, age, age > Duration.FromDays(staleAfterDays));
    }
}
