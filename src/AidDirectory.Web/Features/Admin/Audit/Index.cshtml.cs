using AidDirectory.Core.Audit;
using AidDirectory.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Text;

namespace AidDirectory.Web.Features.Admin.Audit;

/// <summary>The audit log, newest first, filterable by action, subject, person and dates (administrators only). Read-only: nothing here or anywhere can change an entry.</summary>
public sealed class IndexModel(DirectoryDbContext db) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true, Name = "action")]
    public string? ActionName { get; set; }

    [BindProperty(SupportsGet = true, Name = "subject")]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = "person")]
    public string? Person { get; set; }

    [BindProperty(SupportsGet = true, Name = "from")]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = "to")]
    public string? To { get; set; }

    // From the query only: "page" is also the route value naming the Razor page itself.
    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> People { get; private set; } = new Dictionary<Guid, string>();
    public int Total { get; private set; }
    public Dictionary<string, string> Problems { get; } = [];

    public static IReadOnlyList<string> Actions { get; } = typeof(AuditActions).GetFields().Select(f => (string)f.GetValue(null)!).Order(StringComparer.Ordinal).ToList();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(ActionName))
        {
            entries = entries.Where(a => a.Action == ActionName);
        }

        if (!string.IsNullOrWhiteSpace(Subject))
        {
            entries = entries.Where(a => a.SubjectId == Subject.Trim());
        }

        if (!string.IsNullOrWhiteSpace(Person))
        {
            var normalized = Person.Trim().ToUpperInvariant();
            var ids = await db.Users.Where(u => u.NormalizedEmail == normalized || u.Id.ToString() == Person.Trim()).Select(u => u.Id).ToListAsync(cancellationToken);
            entries = entries.Where(a => a.ActorId != null && ids.Contains(a.ActorId.Value));
        }

        if (Day(From, nameof(From)) is { } from)
        {
            var start = from.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            entries = entries.Where(a => a.At >= start);
        }

        if (Day(To, nameof(To)) is { } to)
        {
            var end = to.PlusDays(1).AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
            entries = entries.Where(a => a.At < end);
        }

        if (!ModelState.IsValid || PageNumber is < 1 or > 100_000)
        {
            Problems["page"] = "No such page.";
        }

        if (Problems.Count > 0)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }

        Total = await entries.CountAsync(cancellationToken);
        Entries = await entries.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        var actors = Entries.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        People = (await db.Users.AsNoTracking().Where(u => actors.Contains(u.Id)).ToListAsync(cancellationToken)).ToDictionary(u => u.Id, u => u.Label);
        return Page();
    }

    public string Actor(AuditEntry entry) => entry.ActorId is { } id ? People.GetValueOrDefault(id, "unknown account") : "the system";

    private LocalDate? Day(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text.Trim());
        if (!parsed.Success)
        {
            Problems[field] = $"“{text}” is not a date like 2026-11-23.";
            return null;
        }

        return parsed.Value;
    }
}
