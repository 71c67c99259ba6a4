namespace AidDirectory.Web.Features.Search;

public sealed record ListingPage(IReadOnlyList<ListingSummary> Items, int Page, int PageCount, int Total);
