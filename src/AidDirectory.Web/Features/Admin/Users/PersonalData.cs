using System.Text.Json;
using AidDirectory.Core.Audit;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Admin.Users;

/// <summary>
/// A person's data on request (design §6.7): everything we hold about them as JSON, and erasure that
/// removes it while the audit trail keeps its entries with a pseudonym in their place.
/// </summary>
public sealed class PersonalData(DirectoryDbContext db, TimeProvider time)
{
    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<string?> ExportAsync(Guid userId, Guid administratorId, CancellationToken cancellationToken)
    {
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken);
        var organizations = await db.OrganizationMembers.Where(m => m.UserId == userId)
            .Join(db.Organizations, m => m.OrganizationId, o => o.Id, (m, o) => new { o.Name, Since = m.Since.ToString() }).ToListAsync(cancellationToken);
        var submissions = await db.Submissions.AsNoTracking().Where(s => s.SubmittedById == userId).OrderBy(s => s.SubmittedAt)
            .Select(s => new { s.Id, Kind = s.Kind.ToString(), s.Title, State = s.State.ToString(), SubmittedAt = s.SubmittedAt.ToString(), s.ContactName, s.ContactEmail, s.ContactPhone, s.Snapshot, s.ModeratorMessage })
            .ToListAsync(cancellationToken);
        var notifications = await db.Notifications.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.CreatedAt)
            .Select(n => new { n.Subject, n.Body, CreatedAt = n.CreatedAt.ToString(), SentAt = n.SentAt.ToString() }).ToListAsync(cancellationToken);
        var actions = await db.AuditEntries.AsNoTracking().Where(a => a.ActorId == userId).OrderBy(a => a.Id)
            .Select(a => new { At = a.At.ToString(), a.Action, a.SubjectKind, a.SubjectId, a.Reason }).ToListAsync(cancellationToken);
        db.AuditEntries.Add(new AuditEntry { At = time.GetCurrentInstant(), ActorId = administratorId, Action = AuditActions.UserExported, SubjectKind = "User", SubjectId = userId.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return JsonSerializer.Serialize(new
        {
            account = new { user.Email, user.DisplayName, CreatedAt = user.CreatedAt.ToString(), user.TwoFactorEnabled, user.PhoneNumber, ErasedAt = user.ErasedAt?.ToString(), roles },
            organizations,
            submissions,
            notifications,
            actionsInTheAuditLog = actions,
        }, Indented);
    }

    /// <summary>Erases the person: false when they do not exist or are already erased.</summary>
    public async Task<bool> EraseAsync(Guid userId, Guid administratorId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == userId && u.ErasedAt == null, cancellationToken);
        if (user is null)
        {
            return false;
        }

        var now = time.GetCurrentInstant();
        var placeholder = $"erased-{user.Id:N}@erased.invalid";
        user.Email = user.UserName = placeholder;
        user.NormalizedEmail = user.NormalizedUserName = placeholder.ToUpperInvariant();
        user.DisplayName = null;
        user.PhoneNumber = null;
        user.PasswordHash = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        user.TwoFactorEnabled = false;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        user.SetupTokenHash = null;
        user.ErasedAt = now;
        db.UserTokens.RemoveRange(db.UserTokens.Where(t => t.UserId == userId));
        db.UserLogins.RemoveRange(db.UserLogins.Where(l => l.UserId == userId));
        db.UserClaims.RemoveRange(db.UserClaims.Where(c => c.UserId == userId));
        db.UserRoles.RemoveRange(db.UserRoles.Where(r => r.UserId == userId));
        db.OrganizationMembers.RemoveRange(db.OrganizationMembers.Where(m => m.UserId == userId));
        db.Notifications.RemoveRange(db.Notifications.Where(n => n.UserId == userId));
        foreach (var submission in await db.Submissions.Where(s => s.SubmittedById == userId).ToListAsync(cancellationToken))
        {
            submission.ContactName = submission.ContactEmail = submission.ContactPhone = null;
        }

        db.AuditEntries.Add(new AuditEntry { At = now, ActorId = administratorId, Action = AuditActions.UserErased, SubjectKind = "User", SubjectId = userId.ToString() });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
