using System.Globalization;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Drawing;
using AidDirectory.Web.Features.Map;
using AidDirectory.Web.Features.Search;
using AidDirectory.Web.Features.Shared;
using Microsoft.Extensions.Localization;

namespace AidDirectory.Web.Features.Printing;

/// <summary>
/// Makes a neighbourhood's flyer for one category in one language, from the published index (what
/// residents see now). The languages are those the community reads, wider than the site's pages.
/// </summary>
public sealed class Flyers(PublishedListingIndex index, AreaOutlines outlines, FlyerDocument document, ResidentFormat format, IStringLocalizer<FlyerText> text, SearchCards cards, OpenNow openNow, TimeProvider time)
{
    public static readonly IReadOnlyList<string> Languages = ["en", "es", "pl", "zh", "ar"];

    public IEnumerable<Place> Areas => index.PlaceNames.Places.Where(p => p.Kind == Place.Area).OrderBy(p => p.Name, StringComparer.Ordinal);

    public Place? Area(string slug) => index.PlaceNames.Area(slug);

    public bool IsCategory(string code) => index.Vocabulary.IsCategory(code);

    /// <summary>The flyer's content; null when the language, area or category is not one we know.</summary>
    public Flyer? Compose(string language, string areaSlug, string category, Uri siteRoot)
    {
        ArgumentNullException.ThrowIfNull(siteRoot);
        if (!Languages.Contains(language) || Area(areaSlug) is not { CommunityArea: { } number } area || !IsCategory(category)
            || outlines.Areas.FirstOrDefault(o => o.Number == number) is not { } outline)
        {
            return null;
        }

        // Text, day names and times in the flyer's language, whatever the page's.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Hosting.Languages.Culture(language);
        var categoryName = index.Vocabulary.Categories.First(c => c.Code == category).NameIn(language);
        // The same search as the live list the QR code opens, nearest first: the flyer prints its top.
        var hits = index.Search(new SearchQuery { Place = area, Category = category, Language = language, AllPages = true }).Hits;
        var listings = PrintedListing.From(cards.Of(hits, language, 1), format, text["AllDay"]);
        // The live list is in the flyer's language where the site has it.
        var pageLanguage = Hosting.Languages.IsSupported(language) ? language : Hosting.Languages.Default;
        var live = new Uri(siteRoot, $"{pageLanguage}/search?area={Uri.EscapeDataString(areaSlug)}&category={Uri.EscapeDataString(category)}");
        var today = openNow.Today.ToDateOnly().ToString("D", CultureInfo.CurrentCulture);
        return new Flyer(
            language,
            text["Title", categoryName, area.Name],
            text["Intro", area.Name],
            listings,
            new MapArea(outline.Name, outline.Shape),
            outlines.Areas.Where(o => o.Number != number).Select(o => new MapArea(o.Name, o.Shape)).ToList(),
            live,
            new FlyerWords(text["NotPublished"], text["HoursUnknown"], text["Free"], text["TemporarilyClosed"], n => text["More", n], text["Scan"], text["Printed", today], text["Disclaimer"], text["None"], text["Boundaries"]));
    }

    public byte[] Render(Flyer flyer) => document.Render(flyer, time.GetUtcNow());
}
