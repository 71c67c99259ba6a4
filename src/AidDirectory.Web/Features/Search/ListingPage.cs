namespace AidDirectory.Web.Features.Search;

public sealed record ListingPage(IReadOnlyList<SearchCard> Items, int Page, int PageCount, int Total);
