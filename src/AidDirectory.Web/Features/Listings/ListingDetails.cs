using AidDirectory.Core.Deployment;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Listings;

public sealed class ListingDetails(DirectoryDbContext db, OpenNow openNow, TimeProvider time, IOptions<DeploymentOptions> deployment)
{
    public async Task<ListingDetail?> FindAsync(Guid id, string language, CancellationToken cancellationToken)
    {
        var service = await db.Services.AsNoTracking()
            .Include(s => s.Organization).Include(s => s.Phones).Include(s => s.Schedules).Include(s => s.Categories)
            .Include(s => s.ServiceAreas).Include(s => s.Contacts)
            .AsSplitQuery()
            .FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (service is null)
        {
            return null;
        }

        // The raw location is read here and only its ShownLocation leaves: the page model never holds
        // an exact point or address it must not show.
        var place = await db.ServiceAtLocations.AsNoTracking().Where(sal => sal.ServiceId == id)
            .OrderBy(sal => sal.Id).Select(sal => sal.Location).FirstOrDefaultAsync(cancellationToken);
        var location = place is null ? null : ShownLocation.Of(place);
        var areaNames = await db.CommunityAreas.AsNoTracking().Select(a => new { a.Number, a.Name })
            .ToDictionaryAsync(a => a.Number, a => a.Name, cancellationToken);
        var neighborhood = location?.CommunityAreaNumber is { } number ? areaNames.GetValueOrDefault(number) : null;
        var served = service.ServiceAreas.Select(a => new ServedArea(
            a.Name, a.Description, a.CommunityAreaNumbers.Select(n => areaNames.GetValueOrDefault(n, n.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList(), a.PostalCodes)).ToList();
        var source = await db.DataSources.AsNoTracking().FirstOrDefaultAsync(s => s.Key == service.SourceKey, cancellationToken);
        var hours = new OpeningHours(service.Schedules);
        return new ListingDetail(
            service,
            service.NameTranslations.For(language, service.WrittenIn) ?? new(service.Name, service.WrittenIn),
            service.DescriptionTranslations.For(language, service.WrittenIn) ?? (service.Description is null ? null : new(service.Description, service.WrittenIn)),
            service.Categories.Where(c => c.Taxonomy == TaxonomyTerm.OurTaxonomy).OrderBy(c => c.SortOrder).Select(c => (c.Code, c.NameIn(language))).ToList(),
            location,
            neighborhood,
            served,
            hours,
            openNow.StateOf(hours, service.Status),
            Freshness.Of(service.LastVerifiedAt, time.GetCurrentInstant(), deployment.Value.StaleAfterDays),
            source);
    }
}
