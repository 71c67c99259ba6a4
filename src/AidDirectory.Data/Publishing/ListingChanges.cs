using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace AidDirectory.Data.Publishing;

/// <summary>
/// The listings a save changes. A service's phones, hours, areas, contacts, place links and categories are
/// part of it, and so are its organization and its places: changing any of them changes what residents see.
/// </summary>
internal sealed record ListingChanges(
    IReadOnlyList<Service> Tracked,
    IReadOnlySet<Guid> WithChangedParts,
    IReadOnlyList<Guid> OtherServices,
    IReadOnlyList<Guid> Organizations,
    IReadOnlyList<Guid> Locations)
{
    public bool IsEmpty => Tracked.Count == 0 && !NeedsRestamp;

    public bool NeedsRestamp => OtherServices.Count > 0 || Organizations.Count > 0 || Locations.Count > 0;

    public static ListingChanges Of(ChangeTracker tracker)
    {
        var withChangedParts = Changed(tracker).Select(OwningService).Where(id => id != Guid.Empty).ToHashSet();
        var tracked = tracker.Entries<Service>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified || withChangedParts.Contains(e.Entity.Id))
            .Select(e => e.Entity)
            .ToList();
        var trackedIds = tracked.Select(s => s.Id).ToHashSet();
        return new ListingChanges(
            tracked,
            withChangedParts,
            withChangedParts.Where(id => !trackedIds.Contains(id)).ToList(),
            tracker.Entries<Organization>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList(),
            tracker.Entries<Location>().Where(e => e.State == EntityState.Modified).Select(e => e.Entity.Id).ToList());
    }

    /// <summary>
    /// Listings whose change was made without loading them: a phone or an hour edited on its own, a place
    /// shared by several services, a renamed organization.
    /// </summary>
    public IQueryable<Service> NotLoaded(IQueryable<Service> services) => services.Where(s =>
        OtherServices.Contains(s.Id)
        || Organizations.Contains(s.OrganizationId)
        || s.ServiceAtLocations.Any(sal => Locations.Contains(sal.LocationId)));

    /// <summary>Entities added, changed or deleted in this unit of work.</summary>
    public static IEnumerable<object> Changed(ChangeTracker tracker) => tracker.Entries()
        .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
        .Select(e => e.Entity);

    /// <summary>The service a part belongs to (its phones, hours, areas, contacts, place link, categories), or empty.</summary>
    public static Guid OwningService(object part) => part switch
    {
        Phone p => p.ServiceId,
        ServiceArea a => a.ServiceId,
        Contact c => c.ServiceId,
        Core.Schedules.Schedule s => s.ServiceId,
        ServiceAtLocation sal => sal.ServiceId,
        Dictionary<string, object> join when join.TryGetValue("ServiceId", out var id) && id is Guid g => g,
        _ => Guid.Empty,
    };
}
