using AidDirectory.Search.Indexing;
using AidDirectory.Search.Querying;
using AidDirectory.Web.Features.Map;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AidDirectory.Browser.Tests;

public sealed class MapJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_resident_on_a_phone_sees_food_on_a_map_that_loads_nothing_from_another_origin()
    {
        await using var context = await app.NewPhoneAsync();
        Assert.True(app.Site.Services.GetRequiredService<BrowserMap>().Available, "wwwroot/lib has no Leaflet: npm was missing when the site was built");
        var page = await context.NewPageAsync();
        var requests = BrowserApp.Requests(page);

        await page.GotoAsync(new Uri(app.BaseAddress!, "/es/search?q=comida").ToString());
        var canvas = page.Locator("#map");
        await canvas.Locator(".leaflet-marker-icon").First.WaitForAsync();
        await page.Locator("#map[data-features]").WaitForAsync();

        // Every service with a point residents may see is on the map: pins (alone or in clusters) and approximate areas.
        var expected = app.Site.Services.GetRequiredService<PublishedListingIndex>()
            .Search(new SearchQuery { Text = "comida", Language = "es", AllPages = true })
            .Hits.Count(h => h.Listing.Location?.Latitude is not null);
        Assert.Equal(expected.ToString(System.Globalization.CultureInfo.InvariantCulture), await canvas.GetAttributeAsync("data-features"));
        var clustered = (await canvas.Locator(".marker-cluster").AllInnerTextsAsync()).Sum(int.Parse);
        var single = await canvas.Locator(".leaflet-marker-icon:not(.marker-cluster)").CountAsync();
        var areas = await canvas.Locator("path.leaflet-interactive").CountAsync();
        Assert.True(clustered > 0, "no clusters at the first view of a city-wide search");
        Assert.Equal(expected, clustered + single + areas);
        await Accessibility.AssertAsync(page);

        // A cluster splits as the map zooms in to it; then open a lone pin's popup and follow it to the listing.
        var zoom = int.Parse((await canvas.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture);
        await canvas.Locator(".marker-cluster").First.ClickAsync();
        await page.Locator($"#map:not([data-zoom='{zoom}'])").WaitForAsync();
        Assert.True(int.Parse((await canvas.GetAttributeAsync("data-zoom"))!, System.Globalization.CultureInfo.InvariantCulture) > zoom);
        await SettledAsync(page);
        for (var i = 0; i < 8 && await canvas.Locator(".leaflet-marker-icon:not(.marker-cluster)").CountAsync() == 0; i++)
        {
            await canvas.Locator(".marker-cluster").First.ClickAsync();
            await SettledAsync(page);
        }

        // From the keyboard: a pin takes focus, and Enter opens its popup.
        var pin = canvas.Locator(".leaflet-marker-icon:not(.marker-cluster)").First;
        var name = await pin.GetAttributeAsync("title");
        await pin.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        var link = canvas.Locator(".leaflet-popup-content a.popup-name");
        await link.WaitForAsync();
        Assert.Equal(name, await link.InnerTextAsync());
        await link.ClickAsync();
        await page.WaitForURLAsync("**/es/service/**");
        Assert.Equal(name, await page.Locator("h1").InnerTextAsync());

        // Moving the map offers to search what is on screen, with the same words.
        await page.GoBackAsync();
        await canvas.Locator(".leaflet-marker-icon").First.WaitForAsync();
        var searchHere = canvas.Locator("button.search-area");
        Assert.False(await searchHere.IsVisibleAsync());
        await canvas.Locator(".leaflet-control-zoom-in").ClickAsync();
        await searchHere.WaitForAsync();
        await searchHere.ClickAsync();
        await page.WaitForURLAsync("**/es/search?q=comida&bbox=*");
        Assert.Matches(@"bbox=-87\.\d{4},41\.\d{4},-87\.\d{4},4[12]\.\d{4}$", page.Url);
        Assert.True(await page.Locator("ol.listings > li").CountAsync() > 0 || await page.Locator("section.relax").IsVisibleAsync());

        Assert.Contains(requests, url => url.Contains("/lib/leaflet/leaflet.js", StringComparison.Ordinal));
        Assert.Contains(requests, url => url.Contains("/api/v1/areas.geojson", StringComparison.Ordinal));
        Assert.All(requests, url => Assert.StartsWith(app.BaseAddress!.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        Assert.Empty(await context.CookiesAsync());
    }

    // Leaflet marks the map while it zooms, and marker clustering while clusters split or merge.
    private static async Task SettledAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => !document.querySelector('#map.leaflet-zoom-anim, #map .leaflet-cluster-anim')");
        await page.WaitForTimeoutAsync(300);
    }

    [Fact]
    public async Task Without_javascript_the_list_is_the_page_and_no_map_is_half_drawn()
    {
        await using var context = await app.NewPhoneAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.BaseAddress!, "/es/search?q=comida").ToString());

        Assert.False(await page.Locator("section.map").IsVisibleAsync());
        Assert.True(await page.Locator("main a[href*='/es/service/']").CountAsync() > 0);
        // The server-drawn map stands in, and it did load.
        var drawn = page.Locator("figure.static-map img");
        await drawn.ScrollIntoViewIfNeededAsync();
        await page.WaitForFunctionAsync("() => { const i = document.querySelector('figure.static-map img'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Equal(640, await drawn.EvaluateAsync<int>("i => i.naturalWidth"));
    }
}
