using AidDirectory.Core.Listings;

namespace AidDirectory.Core.Moderation;

/// <summary>An organization as an editor proposes it (new organizations, and the one an editor asks to join).</summary>
public sealed record OrganizationDraft(string Name, string? Description, string? Website, string? Email)
{
    public static OrganizationDraft Of(Organization organization)
    {
        ArgumentNullException.ThrowIfNull(organization);
        return new(organization.Name, organization.Description, organization.Website, organization.Email);
    }
}
