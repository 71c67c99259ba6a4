using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using AidDirectory.Web.Features.Browse;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Home;

public sealed class IndexModel(DirectoryDbContext db, ListingSummaries summaries) : PageModel
{
    public IReadOnlyList<(TaxonomyTerm Category, int Count)> Categories { get; private set; } = [];
    public IReadOnlyList<(string Slug, string Name)> Neighborhoods { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Categories = summaries.Categories();
        var areas = await db.CommunityAreas.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Slug, a.Name }).ToListAsync(cancellationToken);
        Neighborhoods = areas.Select(a => (a.Slug, a.Name)).ToList();
    }
}
