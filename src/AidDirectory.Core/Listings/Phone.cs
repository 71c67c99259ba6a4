namespace AidDirectory.Core.Listings;

/// <summary>HSDS phone. <see cref="Number"/> is E.164 (+13125550100).</summary>
public sealed class Phone
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public required string Number { get; set; }
    public string? Extension { get; set; }
    public string? Description { get; set; }
    public int SortOrder { get; set; }
}
