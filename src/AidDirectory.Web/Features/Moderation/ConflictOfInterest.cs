using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>A moderator never decides for an organization they speak for.</summary>
internal static class ConflictOfInterest
{
    public static Task<bool> ExistsAsync(DirectoryDbContext db, Guid moderatorId, Guid organizationId, CancellationToken cancellationToken) =>
        db.OrganizationMembers.AnyAsync(m => m.UserId == moderatorId && m.OrganizationId == organizationId, cancellationToken);
}
