using AidDirectory.Web.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Browse;

/// <summary>Finds listings whose name or organization contains every word typed (a smarter search is issue 4).</summary>
public sealed class SearchModel(ListingSummaries summaries, IStringLocalizer<UiText> text) : BrowsePageModel(text)
{
    public const int MaxLength = 200;

    public string Query { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "q")] string? q, [FromQuery(Name = "page")] string? page, CancellationToken cancellationToken)
    {
        Query = q?.Trim() ?? "";
        if (Query.Length > MaxLength)
        {
            return Refuse(StatusCodes.Status400BadRequest, Text["Problem_BadRequest"], Text["Problem_QueryTooLong", MaxLength]);
        }

        if (!TryReadPage(page, out var number) || Query.Length == 0)
        {
            return Page();
        }

        Listings = await summaries.NamedAsync(Query, Language, number, cancellationToken);
        return PageOrPastTheEnd();
    }
}
