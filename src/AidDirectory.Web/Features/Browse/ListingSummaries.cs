using System.Globalization;
using AidDirectory.Core.Deployment;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Browse;

/// <summary>Lists of published, not-closed listings for the category, neighbourhood and name-search pages.</summary>
public sealed class ListingSummaries(DirectoryDbContext db, OpenNow openNow, TimeProvider time, IOptions<DeploymentOptions> deployment)
{
    public Task<ListingPage> InCategoryAsync(string code, string language, int page, CancellationToken cancellationToken) =>
        PageAsync(Listed().Where(s => s.Categories.Any(c => c.Code == code)), language, page, cancellationToken);

    // Hidden locations are left out: listing them under a neighbourhood would reveal where they are.
    public Task<ListingPage> InAreaAsync(int area, string language, int page, CancellationToken cancellationToken) =>
        PageAsync(Listed().Where(s => s.ServiceAtLocations.Any(sal =>
            sal.Location.CommunityAreaNumber == area && sal.Location.Visibility != LocationVisibility.Hidden)), language, page, cancellationToken);

    /// <summary>
    /// Listings whose name or organization contains every word, ignoring case and accents ("clinica" finds
    /// "Clínica"). It scans names in memory, which is fine for a city's few thousand listings until the
    /// search index of issue 4 replaces it.
    /// </summary>
    public async Task<ListingPage> NamedAsync(string words, string language, int page, CancellationToken cancellationToken)
    {
        var wanted = words.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(8).ToList();
        var names = await Listed().Select(s => new { s.Id, s.Name, Organization = s.Organization.Name }).ToListAsync(cancellationToken);
        var compare = CultureInfo.InvariantCulture.CompareInfo;
        const CompareOptions Loose = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace;
        var ids = names
            .Where(n => wanted.All(w => compare.IndexOf(n.Name, w, Loose) >= 0 || compare.IndexOf(n.Organization, w, Loose) >= 0))
            .Select(n => n.Id)
            .ToList();
        return await PageAsync(Listed().Where(s => ids.Contains(s.Id)), language, page, cancellationToken);
    }

    /// <summary>How many listed services each of our categories has, in the taxonomy's order.</summary>
    public async Task<IReadOnlyList<(TaxonomyTerm Category, int Count)>> CategoriesAsync(CancellationToken cancellationToken)
    {
        var rows = await db.TaxonomyTerms.AsNoTracking()
            .Where(t => t.Taxonomy == TaxonomyTerm.OurTaxonomy)
            .OrderBy(t => t.SortOrder)
            .Select(t => new { Term = t, Count = t.Services.Count(s => s.Status != ServiceStatus.Closed) })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.Term, r.Count)).ToList();
    }

    private IQueryable<Service> Listed() => db.Services.AsNoTracking().Where(s => s.Status != ServiceStatus.Closed);

    private async Task<ListingPage> PageAsync(IQueryable<Service> query, string language, int page, CancellationToken cancellationToken)
    {
        var total = await query.CountAsync(cancellationToken);
        var pageCount = Math.Max(1, (total + ListingPage.PageSize - 1) / ListingPage.PageSize);
        if (page > pageCount)
        {
            return new ListingPage([], page, pageCount, total);
        }

        var services = await query.OrderBy(s => s.Name).ThenBy(s => s.Id)
            .Skip((page - 1) * ListingPage.PageSize).Take(ListingPage.PageSize)
            .Include(s => s.Organization).Include(s => s.Schedules).Include(s => s.Categories)
            .Include(s => s.ServiceAtLocations).ThenInclude(sal => sal.Location)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var areas = await AreaNamesAsync(db, cancellationToken);
        var sources = await db.DataSources.AsNoTracking().Select(s => new { s.Key, s.AsOf }).ToDictionaryAsync(s => s.Key, s => s.AsOf, StringComparer.Ordinal, cancellationToken);
        var now = time.GetCurrentInstant();
        var items = services.Select(s =>
        {
            var shown = s.ServiceAtLocations.Select(sal => ShownLocation.Of(sal.Location)).FirstOrDefault();
            return new ListingSummary(
                s.Id,
                s.NameTranslations.For(language, s.WrittenIn) ?? new(s.Name, s.WrittenIn),
                s.Organization.Name,
                s.Categories.Where(c => c.Taxonomy == TaxonomyTerm.OurTaxonomy).OrderBy(c => c.SortOrder).Select(c => c.NameIn(language)).ToList(),
                shown?.CommunityAreaNumber is { } n ? areas.GetValueOrDefault(n) : null,
                openNow.StateOf(new OpeningHours(s.Schedules), s.Status),
                Freshness.Of(s.LastVerifiedAt, now, deployment.Value.StaleAfterDays),
                sources.TryGetValue(s.SourceKey, out var asOf) ? asOf : null,
                s.Status,
                s.Cost,
                s.Languages);
        }).ToList();
        return new ListingPage(items, page, pageCount, total);
    }

    public static async Task<Dictionary<int, string>> AreaNamesAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        await db.CommunityAreas.AsNoTracking().Select(a => new { a.Number, a.Name }).ToDictionaryAsync(a => a.Number, a => a.Name, cancellationToken);
}
