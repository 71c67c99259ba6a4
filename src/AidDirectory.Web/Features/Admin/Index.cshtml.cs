using AidDirectory.Core.Moderation;
using AidDirectory.Data;
using AidDirectory.Web.Features.Map;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Admin;

/// <summary>The moderation queue: everything pending, oldest first, filterable by kind and neighbourhood.</summary>
public sealed class IndexModel(DirectoryDbContext db, AreaOutlines areas) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true, Name = "kind")]
    public SubmissionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true, Name = "area")]
    public int? Area { get; set; }

    // From the query only: "page" is also the route value naming the Razor page itself.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    [TempData]
    public string? Message { get; set; }

    public IReadOnlyList<Submission> Items { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<AreaOutlines.Outline> Areas => areas.Areas;

    public string AreaName(int? number) => number is { } n ? areas.Areas.FirstOrDefault(a => a.Number == n)?.Name ?? "" : "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid || PageNumber < 1 || PageNumber > 10_000 || (Area is { } area && areas.Areas.All(a => a.Number != area)))
        {
            return BadRequest("The kind, neighbourhood or page number in the address is not one we know.");
        }

        var pending = db.Submissions.AsNoTracking().Where(s => s.State == SubmissionState.Pending);
        if (Kind is { } kind)
        {
            pending = pending.Where(s => s.Kind == kind);
        }

        if (Area is { } number)
        {
            pending = pending.Where(s => s.CommunityAreaNumber == number);
        }

        Total = await pending.CountAsync(cancellationToken);
        Items = await pending.OrderBy(s => s.SubmittedAt).ThenBy(s => s.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        return Page();
    }
}
