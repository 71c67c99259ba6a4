using AidDirectory.Core.Locations;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using AidDirectory.Search.Indexing;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Features.Search;

/// <summary>
/// Feeds this process's <see cref="PublishedListingIndex"/> from the database: everything at start-up,
/// then the listings whose publish sequence is past the one the index has seen. Raw locations stop here:
/// the index gets each listing's <see cref="ShownLocation"/> only.
/// </summary>
public sealed class SearchIndexFeed(IServiceScopeFactory scopes, PublishedListingIndex index, IOutputCacheStore cache)
{
    /// <summary>Cached responses drawn from the index carry this tag: they are dropped when the index moves on.</summary>
    public const string CacheTag = "published-index";

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var sequence = await CounterAsync(db, cancellationToken);
        var listings = await ReadAsync(db, 0, cancellationToken);
        var categories = await db.TaxonomyTerms.AsNoTracking().Where(t => t.Taxonomy == TaxonomyTerm.OurTaxonomy).OrderBy(t => t.SortOrder).ToListAsync(cancellationToken);
        var areas = await db.CommunityAreas.AsNoTracking().ToListAsync(cancellationToken);
        var zips = await db.ZipCodes.AsNoTracking().ToListAsync(cancellationToken);
        var places = areas.Select(a => new Place(Place.Area, a.Slug, a.Name, a.Boundary.InteriorPoint, a.Number, a.AlternativeNames))
            .Concat(zips.Select(z => new Place(Place.Zip, z.Code, z.Code, z.Point, z.CommunityAreaNumber, [])));
        index.Load(listings, new CategoryVocabulary(categories, index.Analyzers), new PlaceNames(places, index.Analyzers), sequence);
    }

    /// <summary>Applies what was published since the index last looked; returns how many listings changed.</summary>
    public async Task<int> CatchUpAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var sequence = await CounterAsync(db, cancellationToken);
        if (sequence <= index.Sequence)
        {
            return 0;
        }

        // The counter row is locked until each publishing transaction commits, so every change up to
        // `sequence` is visible now; one committed after this read has a higher number and comes next time.
        var changed = await ReadAsync(db, index.Sequence, cancellationToken);
        index.Apply(changed, sequence);
        // Entries also vary by the sequence, so none is served stale in between; this frees their memory.
        await cache.EvictByTagAsync(CacheTag, cancellationToken);
        return changed.Count;
    }

    private static Task<long> CounterAsync(DirectoryDbContext db, CancellationToken cancellationToken) =>
        db.PublishCounters.AsNoTracking().Select(c => c.Value).SingleAsync(cancellationToken);

    private static async Task<List<IndexedListing>> ReadAsync(DirectoryDbContext db, long after, CancellationToken cancellationToken)
    {
        var services = await db.Services.AsNoTracking()
            .Where(s => s.PublishSequence > after)
            .Include(s => s.Organization).Include(s => s.Categories).Include(s => s.Schedules).Include(s => s.ServiceAreas).Include(s => s.Phones).Include(s => s.Contacts)
            .Include(s => s.ServiceAtLocations).ThenInclude(sal => sal.Location)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var areas = await db.CommunityAreas.AsNoTracking().Select(a => new { a.Number, a.Name }).ToDictionaryAsync(a => a.Number, a => a.Name, cancellationToken);
        var sources = await db.DataSources.AsNoTracking().ToDictionaryAsync(s => s.Key, StringComparer.Ordinal, cancellationToken);
        return services.Select(s =>
        {
            var shown = s.ServiceAtLocations.OrderBy(sal => sal.Id).Select(sal => ShownLocation.Of(sal.Location)).FirstOrDefault();
            s.ServiceAtLocations.Clear();
            return new IndexedListing(
                s,
                shown,
                shown?.CommunityAreaNumber is { } n ? areas.GetValueOrDefault(n) : null,
                sources.TryGetValue(s.SourceKey, out var source) ? source.AsOf : null,
                source);
        }).ToList();
    }
}
