using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AidDirectory.Browser.Tests;

internal static class Accessibility
{
    /// <summary>axe-core finds nothing wrong on the page as it is now.</summary>
    public static async Task AssertAsync(IPage page)
    {
        var result = await page.RunAxe();
        Assert.True(result.Violations.Length == 0, $"{page.Url}: " + string.Join("; ", result.Violations.Select(v => $"{v.Id}: {v.Help} ({v.Nodes.Length})")));
    }
}
