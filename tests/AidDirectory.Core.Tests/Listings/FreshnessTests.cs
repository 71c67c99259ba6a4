using AidDirectory.Core.Listings;
using NodaTime;

namespace AidDirectory.Core.Tests.Listings;

public sealed class FreshnessTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 18, 0);

    [Fact]
    public void A_listing_confirmed_three_weeks_ago_is_fresh() =>
        Assert.False(Freshness.Of(Now - Duration.FromDays(21), Now, 90).IsStale);

    [Fact]
    public void A_listing_past_the_configured_age_is_stale() =>
        Assert.True(Freshness.Of(Now - Duration.FromDays(91), Now, 90).IsStale);

    [Fact]
    public void A_listing_never_verified_is_stale() =>
        Assert.True(Freshness.Of(null, Now, 90).IsStale);
}
