using System.Globalization;
using AidDirectory.Core.Deployment;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Search.Indexing;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Listings;

/// <summary>
/// The listing page's content, read from this process's index snapshot like every other resident page:
/// no database round trip, so a resident can open any result while the database is down. The snapshot
/// holds only the published fields and the shown location, exactly what residents may see.
/// </summary>
public sealed class ListingDetails(PublishedListingIndex index, OpenNow openNow, TimeProvider time, IOptions<DeploymentOptions> deployment)
{
    public ListingDetail? Find(Guid id, string language)
    {
        if (index.Find(id) is not { } listing)
        {
            return null;
        }

        var service = listing.Service;
        var places = index.PlaceNames;
        var served = service.ServiceAreas.Select(a => new ServedArea(
            a.Name, a.Description, a.CommunityAreaNumbers.Select(n => places.AreaName(n) ?? n.ToString(CultureInfo.InvariantCulture)).ToList(), a.PostalCodes)).ToList();
        var hours = new OpeningHours(service.Schedules);
        return new ListingDetail(
            service,
            service.NameTranslations.For(language, service.WrittenIn) ?? new(service.Name, service.WrittenIn),
            service.DescriptionTranslations.For(language, service.WrittenIn) ?? (service.Description is null ? null : new(service.Description, service.WrittenIn)),
            service.Categories.Where(c => c.Taxonomy == TaxonomyTerm.OurTaxonomy).OrderBy(c => c.SortOrder).Select(c => (c.Code, c.NameIn(language))).ToList(),
            listing.Location,
            listing.Neighborhood,
            served,
            hours,
            openNow.StateOf(hours, service.Status),
            Freshness.Of(service.LastVerifiedAt, time.GetCurrentInstant(), deployment.Value.StaleAfterDays),
            listing.Source);
    }
}
