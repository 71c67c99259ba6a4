namespace AidDirectory.Core.Listings;

/// <summary>HSDS contact: a named person residents may ask for. Published only when the organization lists them.</summary>
public sealed class Contact
{
    public Guid Id { get; set; }
    public Guid ServiceId { get; set; }
    public string? Name { get; set; }
    public string? Title { get; set; }
    public string? Email { get; set; }
    /// <summary>E.164.</summary>
    public string? Phone { get; set; }
}
