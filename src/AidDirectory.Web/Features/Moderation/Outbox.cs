using AidDirectory.Core;
using AidDirectory.Core.Accounts;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>Writes notifications for an organization's editors into the outbox, in the caller's unit of work.</summary>
public static class Outbox
{
    /// <summary>Adds one notification per member; returns how many people will be told.</summary>
    public static async Task<int> ToMembersAsync(DirectoryDbContext db, Guid organizationId, Guid? serviceId, string subject, string body, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var members = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId).Select(m => m.UserId).ToListAsync(cancellationToken);
        db.Notifications.AddRange(members.Select(userId => new Notification
        {
            Id = Guid.NewGuid(), UserId = userId, OrganizationId = organizationId, ServiceId = serviceId,
            Subject = subject.Clip(Notification.MaxSubject), Body = body.Clip(4000), CreatedAt = now,
        }));
        return members.Count;
    }
}
