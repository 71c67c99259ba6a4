using AidDirectory.Core.Listings;
using AidDirectory.Core.Locations;
using NodaTime;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// What the index keeps of a published listing: enough to rank, filter and show a result without the
/// database. <see cref="Service"/> is a detached copy with its organization, categories, hours, phones and
/// service areas, and without its locations: where it is comes only from <see cref="Location"/>.
/// </summary>
public sealed record IndexedListing(Service Service, ShownLocation? Location, string? Neighborhood, LocalDate? SourceAsOf)
{
    public Guid Id => Service.Id;
}
