using AidDirectory.Core.Listings;
using AidDirectory.Core.Moderation;
using AidDirectory.Core.Places;
using AidDirectory.Core.Sources;
using AidDirectory.Data;
using AidDirectory.Web.Features.Map;
using Microsoft.EntityFrameworkCore;
using Location = AidDirectory.Core.Locations.Location;
using NodaTime;

namespace AidDirectory.Web.Features.Moderation;

/// <summary>
/// Writes an approved draft onto the published records, in the caller's unit of work (the caller saves,
/// with the audit entry, in one transaction). Only a moderator's decision reaches this class.
/// </summary>
public sealed class ListingPublisher(DirectoryDbContext db, AreaOutlines outlines)
{
    /// <summary>
    /// Why a draft cannot be published as it stands, or null. Drafts are checked where they are typed; this
    /// catches what was stored before a rule existed (a drawn area that is not WKT would otherwise fail the
    /// approval itself), so a moderator gets a reason instead of an error.
    /// </summary>
    public string? Refusal(ServiceDraft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var problems = draft.ServiceAreas.SelectMany(a => ServiceDraftRules.OfArea(a, outlines.Numbers, outlines.Region).Select(p => $"Service area “{a.Name}”: {p.Message}"))
            .Concat(draft.Places.SelectMany(p => ServiceDraftRules.OfPlace(p).Select(problem => $"Place “{p.AddressLine}”: {problem.Message}")))
            .ToList();
        return problems.Count == 0 ? null : "This listing cannot be published as it stands: " + string.Join(" ", problems) + " Request changes so the organization can correct it.";
    }

    /// <summary>Listings written by organizations through the portal name this source.</summary>
    public const string PortalSourceKey = "organizations";

    /// <summary>The published service with everything a draft covers, tracked; null when it does not exist.</summary>
    public Task<Service?> LoadAsync(Guid serviceId, CancellationToken cancellationToken) =>
        db.Services
            .Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.Categories).Include(s => s.ServiceAreas)
            .Include(s => s.ServiceAtLocations).ThenInclude(sal => sal.Location)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == serviceId, cancellationToken);

    public async Task<Service> CreateAsync(Guid serviceId, Guid organizationId, ServiceDraft draft, Instant now, CancellationToken cancellationToken)
    {
        await EnsurePortalSourceAsync(now, cancellationToken);
        var service = new Service
        {
            Id = serviceId,
            OrganizationId = organizationId,
            Name = draft.Name,
            SourceKey = PortalSourceKey,
            ExternalId = $"portal:{serviceId:N}",
        };
        db.Services.Add(service);
        await ApplyAsync(service, draft, now, cancellationToken);
        return service;
    }

    public async Task ApplyAsync(Service service, ServiceDraft draft, Instant now, CancellationToken cancellationToken)
    {
        draft.ApplyTo(service);
        // A moderator has just vetted it.
        service.LastVerifiedAt = now;

        var terms = await db.TaxonomyTerms.Where(t => draft.Categories.Contains(t.Code)).ToListAsync(cancellationToken);
        service.Categories.Clear();
        service.Categories.AddRange(terms);

        db.Phones.RemoveRange(service.Phones);
        service.Phones.Clear();
        service.Phones.AddRange(draft.Phones.Select((p, i) => p.ToPhone(Guid.NewGuid(), i)));

        db.Schedules.RemoveRange(service.Schedules);
        service.Schedules.Clear();
        service.Schedules.AddRange(draft.Hours.Select(h => Identified(h.ToSchedule())));

        db.ServiceAreas.RemoveRange(service.ServiceAreas);
        service.ServiceAreas.Clear();
        service.ServiceAreas.AddRange(draft.ServiceAreas.Select(a => a.ToServiceArea(Guid.NewGuid())));

        await ApplyPlacesAsync(service, draft.Places, cancellationToken);
    }

    private async Task ApplyPlacesAsync(Service service, List<PlaceDraft> places, CancellationToken cancellationToken)
    {
        var gazetteer = places.Any(p => p.Latitude is not null)
            ? new Gazetteer(await db.CommunityAreas.AsNoTracking().ToListAsync(cancellationToken))
            : null;
        var kept = places.Where(p => p.LocationId is not null).Select(p => p.LocationId!.Value).ToHashSet();
        var dropped = service.ServiceAtLocations.Where(sal => !kept.Contains(sal.LocationId)).ToList();
        db.ServiceAtLocations.RemoveRange(dropped);
        foreach (var link in dropped)
        {
            service.ServiceAtLocations.Remove(link);
        }

        foreach (var place in places)
        {
            var link = service.ServiceAtLocations.FirstOrDefault(sal => sal.LocationId == place.LocationId);
            var location = link?.Location;
            if (location is null)
            {
                location = new Location { Id = Guid.NewGuid() };
                db.Locations.Add(location);
                // Version 7 ids sort by creation, so the listing's first place stays the one listed first.
                service.ServiceAtLocations.Add(new ServiceAtLocation { Id = Guid.CreateVersion7(), ServiceId = service.Id, LocationId = location.Id, Location = location });
            }

            place.ApplyTo(location, gazetteer);
        }
    }

    private static Core.Schedules.Schedule Identified(Core.Schedules.Schedule schedule)
    {
        schedule.Id = Guid.NewGuid();
        return schedule;
    }

    private async Task EnsurePortalSourceAsync(Instant now, CancellationToken cancellationToken)
    {
        if (await db.DataSources.AnyAsync(s => s.Key == PortalSourceKey, cancellationToken)
            || db.DataSources.Local.Any(s => s.Key == PortalSourceKey))
        {
            return;
        }

        db.DataSources.Add(new DataSource
        {
            Key = PortalSourceKey,
            Title = "Listed by the organization",
            Publisher = "The organization itself, reviewed by this directory's moderators",
            AsOf = now.InUtc().Date,
            Notes = "Each listing shows when it was last confirmed.",
        });
    }
}
