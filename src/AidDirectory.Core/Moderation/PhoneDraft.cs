using AidDirectory.Core.Listings;

namespace AidDirectory.Core.Moderation;

/// <summary>A phone as proposed: E.164 number.</summary>
public sealed record PhoneDraft(string Number, string? Extension, string? Description)
{
    public Phone ToPhone(Guid id, int sortOrder) => new() { Id = id, Number = Number, Extension = Extension, Description = Description, SortOrder = sortOrder };
}
