namespace AidDirectory.Core.Listings;

/// <summary>HSDS organization.</summary>
public sealed class Organization : IPublishedRecord
{
    public Guid Id { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Email { get; set; }
    public int Version { get; private set; }
    public List<Service> Services { get; } = [];
}
