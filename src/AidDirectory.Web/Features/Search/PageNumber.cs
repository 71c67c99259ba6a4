using System.Globalization;

namespace AidDirectory.Web.Features.Search;

/// <summary>Reads the <c>page</c> parameter of a list; anything but a whole number from 1 is refused.</summary>
internal static class PageNumber
{
    public const int Max = 10_000;

    public static bool TryRead(string? raw, out int page)
    {
        page = 1;
        return raw is null || (int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out page) && page is >= 1 and <= Max);
    }
}
