using AidDirectory.Search.Indexing;

namespace AidDirectory.Search.Querying;

/// <summary>A listing that matched, with its score from the words (0 without words) and its distance from the place searched.</summary>
internal readonly record struct Candidate(IndexedListing Listing, float Score, double? Distance);
