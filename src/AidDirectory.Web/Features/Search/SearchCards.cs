using AidDirectory.Core.Deployment;
using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Core.Taxonomy;
using AidDirectory.Search.Querying;
using Microsoft.Extensions.Options;
using NodaTime.Extensions;

namespace AidDirectory.Web.Features.Search;

/// <summary>Turns search hits into <see cref="SearchCard"/>s: the one projection every output of a search reads.</summary>
public sealed class SearchCards(OpenNow openNow, TimeProvider time, IOptions<DeploymentOptions> deployment)
{
    /// <summary>The cards of a page of results, numbered as the page lists them.</summary>
    public IReadOnlyList<SearchCard> Of(SearchResults results, string language)
    {
        ArgumentNullException.ThrowIfNull(results);
        return Of(results.Hits, language, ((results.Page - 1) * SearchQuery.PageSize) + 1);
    }

    public IReadOnlyList<SearchCard> Of(IEnumerable<SearchHit> hits, string language, int firstNumber)
    {
        ArgumentNullException.ThrowIfNull(hits);
        var now = time.GetCurrentInstant();
        var staleAfterDays = deployment.Value.StaleAfterDays;
        return hits.Select((hit, i) =>
        {
            var s = hit.Listing.Service;
            var hours = new OpeningHours(s.Schedules);
            return new SearchCard(
                firstNumber + i,
                s.Id,
                s.NameTranslations.For(language, s.WrittenIn) ?? new(s.Name, s.WrittenIn),
                s.Organization.Name,
                s.Categories.Where(c => c.Taxonomy == TaxonomyTerm.OurTaxonomy).OrderBy(c => c.SortOrder).Select(c => new CardCategory(c.Code, c.NameIn(language))).ToList(),
                openNow.StateOf(hours, s.Status),
                hit.DistanceKm,
                hit.Listing.Neighborhood,
                hit.Listing.Location,
                Freshness.Of(s.LastVerifiedAt, now, staleAfterDays),
                hit.Listing.SourceAsOf,
                s.Status,
                s.Cost,
                s.Languages,
                s.ReportedClosedAt is not null,
                s.Phones.OrderBy(p => p.SortOrder).ToList(),
                hours,
                $"/{language}/service/{s.Id}");
        }).ToList();
    }
}
