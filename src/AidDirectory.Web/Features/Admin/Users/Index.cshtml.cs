using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Admin.Users;

/// <summary>Everyone with an account, their roles and whether they use two-factor sign-in (administrators only).</summary>
public sealed class IndexModel(DirectoryDbContext db, TimeProvider time) : PageModel
{
    public sealed record Row(DirectoryUser User, IReadOnlyList<string> Roles, bool Locked);

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public IReadOnlyList<Row> Users { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Query))
        {
            var normalized = Query.Trim().ToUpperInvariant();
            users = users.Where(u => u.NormalizedEmail!.Contains(normalized));
        }

        var page = await users.OrderBy(u => u.NormalizedEmail).Take(200).ToListAsync(cancellationToken);
        var ids = page.Select(u => u.Id).ToList();
        var roles = await db.UserRoles.Where(r => ids.Contains(r.UserId)).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        Users = page.Select(u => new Row(u, roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal).ToList(), u.LockoutEnd > now)).ToList();
    }
}
