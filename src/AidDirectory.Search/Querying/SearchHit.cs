using AidDirectory.Search.Indexing;

namespace AidDirectory.Search.Querying;

/// <summary>A result, and how far it is from the place searched (zero when its service area covers the place).</summary>
public sealed record SearchHit(IndexedListing Listing, double? DistanceKm);
