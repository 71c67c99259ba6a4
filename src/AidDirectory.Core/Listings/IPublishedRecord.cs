namespace AidDirectory.Core.Listings;

/// <summary>
/// A record residents see. Its <see cref="Version"/> is the optimistic concurrency token: the
/// DbContext raises it on every update, so an edit based on an older version is refused.
/// </summary>
public interface IPublishedRecord
{
    int Version { get; set; }
}
