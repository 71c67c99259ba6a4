using System.Security.Cryptography;
using System.Text;
using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using NodaTime;

namespace AidDirectory.Data.Accounts;

/// <summary>
/// One-time setup links: how the first administrator gets in (no default password exists), how an administrator
/// invites an editor, and what registration mails to a new address. The secret is shown or sent once; the
/// database keeps only its SHA-256, and the link expires after two days.
/// </summary>
public static class SetupLinks
{
    public static readonly Duration Lifetime = Duration.FromDays(2);

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Creates (or re-arms) an administrator account without a password and returns the setup secret.</summary>
    public static async Task<(DirectoryUser User, string Token)> CreateAdministratorAsync(
        UserManager<DirectoryUser> users, RoleManager<IdentityRole<Guid>> roles, DirectoryDbContext db, string email, string? name, Instant now)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        await EnsureRolesAsync(roles);
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new DirectoryUser { UserName = email, Email = email, DisplayName = name, CreatedAt = now };
            Check(await users.CreateAsync(user));
        }
        else if (await users.HasPasswordAsync(user))
        {
            throw new InvalidOperationException($"{email} already has an account with a password; an administrator can give it the role in /admin/users.");
        }

        if (!await users.IsInRoleAsync(user, Roles.Administrator))
        {
            Check(await users.AddToRoleAsync(user, Roles.Administrator));
        }

        var token = await ArmAsync(users, user, now);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, Action = created ? AuditActions.UserCreated : AuditActions.UserRoleAdded, SubjectKind = "User", SubjectId = user.Id.ToString(),
            After = Roles.Administrator, Reason = "users create-admin (command line)",
        });
        await db.SaveChangesAsync();
        return (user, token);
    }

    /// <summary>
    /// An organization editor's account without a password, and the setup secret that lets them choose one: for a
    /// new address a new account, for an account that was never set up a fresh link (the old one stops working).
    /// Token is null when the address already belongs to a set-up account (or one being erased): nothing changes.
    /// <c>invitedBy</c> is the administrator who invited, or null when the person registered on the site.
    /// </summary>
    public static async Task<(DirectoryUser? User, string? Token)> InviteEditorAsync(
        UserManager<DirectoryUser> users, DirectoryDbContext db, string email, string? name, Guid? invitedBy, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(db);
        var user = await users.FindByEmailAsync(email);
        var created = user is null;
        if (user is null)
        {
            user = new DirectoryUser { UserName = email, Email = email, DisplayName = name, CreatedAt = now };
            Check(await users.CreateAsync(user));
            Check(await users.AddToRoleAsync(user, Roles.OrganizationEditor));
        }
        else if (user.ErasedAt is not null || await users.HasPasswordAsync(user))
        {
            return (user, null);
        }

        var token = await ArmAsync(users, user, now);
        db.AuditEntries.Add(new AuditEntry
        {
            At = now, ActorId = invitedBy ?? (created ? user.Id : null), Action = invitedBy is null && created ? AuditActions.UserCreated : AuditActions.UserInvited,
            SubjectKind = "User", SubjectId = user.Id.ToString(), After = created ? Roles.OrganizationEditor : null,
            Reason = invitedBy is null ? "registered; the setup link went by email" : "invited by an administrator",
        });
        await db.SaveChangesAsync(cancellationToken);
        return (user, token);
    }

    private static async Task<string> ArmAsync(UserManager<DirectoryUser> users, DirectoryUser user, Instant now)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        user.SetupTokenHash = Hash(token);
        user.SetupTokenExpiresAt = now + Lifetime;
        Check(await users.UpdateAsync(user));
        return token;
    }

    public static async Task EnsureRolesAsync(RoleManager<IdentityRole<Guid>> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
            }
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
