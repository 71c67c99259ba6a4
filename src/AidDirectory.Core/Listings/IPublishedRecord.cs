namespace AidDirectory.Core.Listings;

/// <summary>
/// A record residents see. Its <see cref="IVersioned.Version"/> is the optimistic concurrency token, so an
/// edit based on an older version is refused.
/// </summary>
public interface IPublishedRecord : IVersioned;
