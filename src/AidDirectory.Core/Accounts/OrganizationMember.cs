using NodaTime;

namespace AidDirectory.Core.Accounts;

/// <summary>An editor who may propose changes for an organization; granted only by a moderator's approval.</summary>
public sealed class OrganizationMember
{
    public Guid UserId { get; set; }
    public Guid OrganizationId { get; set; }
    public Instant Since { get; set; }
}
