using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// Who speaks for an organization: its editors. One rule for the portal (what an editor may see and
/// propose) and for moderation (a moderator never decides for an organization they speak for).
/// </summary>
public static class Membership
{
    public static Task<bool> IsMemberAsync(DirectoryDbContext db, Guid userId, Guid organizationId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return OrganizationsOf(db, userId).AnyAsync(id => id == organizationId, cancellationToken);
    }

    /// <summary>The organizations <paramref name="userId"/> belongs to, as a query to compose into others.</summary>
    public static IQueryable<Guid> OrganizationsOf(DirectoryDbContext db, Guid userId)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.OrganizationMembers.Where(m => m.UserId == userId).Select(m => m.OrganizationId);
    }
}
