using AidDirectory.Search.Indexing;

namespace AidDirectory.Search.Querying;

/// <summary>
/// One page of results, the total, the count per category for the same search without its category
/// filter ("Food (12) · Legal (4)"), and what the index understood from the words typed.
/// </summary>
public sealed record SearchResults(
    IReadOnlyList<SearchHit> Hits,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<(string Category, int Count)> CategoryCounts,
    Place? Place,
    bool Free,
    IReadOnlyList<string> Categories);
