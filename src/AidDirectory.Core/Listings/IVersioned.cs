namespace AidDirectory.Core.Listings;

/// <summary>
/// A row guarded by optimistic concurrency: the DbContext raises <see cref="Version"/> on every update and
/// checks the original value in the UPDATE, so a write based on an older read changes nothing.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}
