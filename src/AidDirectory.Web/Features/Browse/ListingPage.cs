namespace AidDirectory.Web.Features.Browse;

public sealed record ListingPage(IReadOnlyList<ListingSummary> Items, int Page, int PageCount, int Total);
