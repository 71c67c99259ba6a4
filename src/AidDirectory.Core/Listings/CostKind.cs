namespace AidDirectory.Core.Listings;

public enum CostKind
{
    Free,
    SlidingScale,
    Fee,
}
