using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using AidDirectory.Core.Sources;
using NodaTime;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// What the index keeps of a published listing: enough to rank, filter and show a result, and the whole
/// listing page, without the database. <see cref="Service"/> is a detached copy with its organization,
/// categories, hours, phones, contacts and service areas, and without its locations: where it is comes
/// only from <see cref="Location"/>. <see cref="Source"/> is where the listing came from, shown to residents.
/// </summary>
public sealed record IndexedListing(Service Service, ShownLocation? Location, string? Neighborhood, LocalDate? SourceAsOf, DataSource? Source = null)
{
    public Guid Id => Service.Id;
}
