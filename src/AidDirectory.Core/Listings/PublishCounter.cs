namespace AidDirectory.Core.Listings;

/// <summary>
/// The publish sequence: one row whose value rises by one in the same transaction as every change to a
/// published listing. Each web process's search index asks for the listings changed past the value it has
/// seen. The row is locked by the update until commit, so sequence order is commit order and a poller never
/// skips a change that commits late.
/// </summary>
public sealed class PublishCounter
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public long Value { get; set; }
}
