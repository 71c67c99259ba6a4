using System.Text.RegularExpressions;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.Playwright;
using NodaTime;

namespace AidDirectory.Browser.Tests;

public sealed class ResidentJourneyTests(BrowserApp app) : IClassFixture<BrowserApp>
{
    [Fact]
    public async Task A_resident_on_a_phone_finds_food_in_spanish_and_reads_its_hours()
    {
        await using var context = await app.NewPhoneAsync();
        await app.Site.WithDatabaseAsync(db => new TestListing("Aaa Despensa Comunitaria de Prueba")
            .OpenOn(IsoDayOfWeek.Monday, 9, 17).OpenOn(IsoDayOfWeek.Thursday, 10, 14).InCategory(db, "food").SaveAsync(db));
        var page = await context.NewPageAsync();
        var requests = BrowserApp.Requests(page);

        await page.GotoAsync(new Uri(app.BaseAddress!, "/").ToString());
        Assert.EndsWith("/es/", page.Url, StringComparison.Ordinal);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Encuentre ayuda en Chicago" }));
        await Accessibility.AssertAsync(page);

        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Comida") }).ClickAsync();
        Assert.Contains("/es/category/food", page.Url, StringComparison.Ordinal);
        await Accessibility.AssertAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Aaa Despensa Comunitaria de Prueba" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Horario" }));
        var hours = page.Locator("table.hours");
        Assert.True(await hours.IsVisibleAsync());
        var monday = await hours.Locator("tr.today").InnerTextAsync();
        Assert.Contains("Lunes", monday, StringComparison.Ordinal);
        Assert.Contains("9:00", monday, StringComparison.Ordinal);
        Assert.Contains("Abierto ahora", await page.Locator("p.state").InnerTextAsync(), StringComparison.Ordinal);
        await Accessibility.AssertAsync(page);

        // The other pages a resident can reach, each scanned too.
        foreach (var (path, heading) in new[]
        {
            ("/es/neighborhood/south-lawndale", "South Lawndale"),
            ("/es/search?q=clinica", "Buscar"),
            ("/es/service/00000000-0000-0000-0000-000000000001", "No encontramos esta página"),
            ("/es/category/food?page=abc", "Algo en la dirección no está bien"),
        })
        {
            await page.GotoAsync(new Uri(app.BaseAddress!, path).ToString());
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 }));
            await Accessibility.AssertAsync(page);
        }

        Assert.NotEmpty(requests);
        Assert.All(requests, url => Assert.StartsWith(app.BaseAddress!.GetLeftPart(UriPartial.Authority), url, StringComparison.Ordinal));
        Assert.Empty(await context.CookiesAsync());
    }

    private static async Task Expect(ILocator locator) => Assert.True(await locator.IsVisibleAsync(), "expected element is not visible");
}
