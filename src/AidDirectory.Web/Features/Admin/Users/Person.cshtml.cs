using AidDirectory.Core.Accounts;
using AidDirectory.Core.Audit;
using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Admin.Users;

/// <summary>One person: grant or remove roles, unlock, export their data, erase it. Every action is audited.</summary>
public sealed class PersonModel(UserManager<DirectoryUser> users, DirectoryDbContext db, PersonalData personalData, TimeProvider time) : PageModel
{
    [FromRoute]
    public Guid Id { get; set; }

    public DirectoryUser Person { get; private set; } = null!;
    public IReadOnlyList<string> CurrentRoles { get; private set; } = [];
    public bool IsLocked { get; private set; }
    public string? Problem { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    // grant is nullable on purpose: a form posted without it must not mean "remove".
    public async Task<IActionResult> OnPostRoleAsync(string? role, bool? grant, CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (role is null || !Roles.All.Contains(role) || grant is null)
        {
            return BadRequest("Say which role to grant or remove.");
        }

        if (Person.ErasedAt is not null)
        {
            return Refuse("This person's data was erased; the account cannot be given roles.");
        }

        if (grant == false && role == Roles.Administrator && (Person.Id == StaffUser.Id(User) || (await users.GetUsersInRoleAsync(Roles.Administrator)).Count <= 1))
        {
            return Refuse("An administrator cannot remove their own administrator role, and the last administrator must stay.");
        }

        // The change and its audit entry are one transaction; a removed role also ends the person's sessions
        // (a new security stamp), so a demoted moderator cannot go on acting.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var result = grant.Value ? await users.AddToRoleAsync(Person, role) : await users.RemoveFromRoleAsync(Person, role);
        if (result.Succeeded && !grant.Value)
        {
            result = await users.UpdateSecurityStampAsync(Person);
        }

        if (!result.Succeeded)
        {
            return Refuse(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        await AuditAsync(grant.Value ? AuditActions.UserRoleAdded : AuditActions.UserRoleRemoved, role, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = grant.Value ? $"{role} granted." : $"{role} removed.";
        return Redirect($"/admin/users/{Id}");
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync() || Person.ErasedAt is not null)
        {
            return NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await users.SetLockoutEndDateAsync(Person, null);
        await users.ResetAccessFailedCountAsync(Person);
        await AuditAsync(AuditActions.UserUnlocked, null, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = "Unlocked.";
        return Redirect($"/admin/users/{Id}");
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken cancellationToken)
    {
        var json = await personalData.ExportAsync(Id, StaffUser.Id(User), cancellationToken);
        return json is null ? NotFound() : File(System.Text.Encoding.UTF8.GetBytes(json), "application/json", $"personal-data-{Id:N}.json");
    }

    public async Task<IActionResult> OnPostEraseAsync(string? confirm, CancellationToken cancellationToken)
    {
        if (!await LoadAsync())
        {
            return NotFound();
        }

        if (Person.Id == StaffUser.Id(User))
        {
            return Refuse("Another administrator must erase your own account.");
        }

        if (!string.Equals(confirm?.Trim(), "ERASE", StringComparison.Ordinal))
        {
            return Refuse("Type ERASE to confirm: erasure cannot be undone.");
        }

        if (!await personalData.EraseAsync(Id, StaffUser.Id(User), cancellationToken))
        {
            return Refuse("This person's data was already erased.");
        }

        Notice = "Erased. The audit log now names this person by a pseudonym.";
        return Redirect($"/admin/users/{Id}");
    }

    private PageResult Refuse(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }

    private async Task AuditAsync(string action, string? after, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry { At = time.GetCurrentInstant(), ActorId = StaffUser.Id(User), Action = action, SubjectKind = "User", SubjectId = Id.ToString(), After = after });
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> LoadAsync()
    {
        var person = await users.FindByIdAsync(Id.ToString());
        if (person is null)
        {
            return false;
        }

        Person = person;
        CurrentRoles = (await users.GetRolesAsync(person)).Order(StringComparer.Ordinal).ToList();
        IsLocked = await users.IsLockedOutAsync(person);
        return true;
    }
}
