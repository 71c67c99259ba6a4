using AidDirectory.Core.Locations;
using AidDirectory.Web.Tests.Infrastructure;

namespace AidDirectory.Web.Tests.Listings;

/// <summary>A place that is hidden or approximate shows no more than it allows, on its listing and on the pages that list it. Runs on SQLite and on PostgreSQL.</summary>
public abstract class LocationVisibilityTests(DirectoryApp app)
{
    [Fact]
    public async Task A_hidden_location_leaks_no_address_point_or_neighbourhood_anywhere()
    {
        var id = await app.WithDatabaseAsync(db =>
        {
            // Named to sort first, so a leak would show on the neighbourhood's first page.
            var listing = new TestListing("AAA Safe Place Hidden").WithVisibility(LocationVisibility.Hidden).InCategory(db, "shelter");
            listing.Location.Address1 = "999 W Secretplace St";
            return listing.SaveAsync(db);
        });
        var (_, page, _) = await app.GetPageAsync($"/en/service/{id}");
        Assert.Contains("Call for the address.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Secretplace", page, StringComparison.Ordinal);
        Assert.DoesNotContain("41.84", page, StringComparison.Ordinal);
        Assert.DoesNotContain("South Lawndale", page, StringComparison.Ordinal);
        var (_, area, _) = await app.GetPageAsync("/en/neighborhood/south-lawndale");
        Assert.Contains("</ol>", area, StringComparison.Ordinal);
        Assert.DoesNotContain("Safe Place Hidden", area, StringComparison.Ordinal);
        var (_, shelters, _) = await app.GetPageAsync("/en/category/shelter");
        Assert.Contains("AAA Safe Place Hidden", shelters, StringComparison.Ordinal); // listed by category, just not placed
    }

    [Fact]
    public async Task An_approximate_location_shows_only_its_neighbourhood()
    {
        var id = await app.WithDatabaseAsync(db => new TestListing("Approximate Shelter").WithVisibility(LocationVisibility.Approximate).SaveAsync(db));
        var (_, html, _) = await app.GetPageAsync($"/en/service/{id}");
        Assert.Contains("In South Lawndale. The exact address is not published", html, StringComparison.Ordinal);
        Assert.DoesNotContain("2700 S Millard", html, StringComparison.Ordinal);
        Assert.DoesNotContain("geo:", html, StringComparison.Ordinal);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteLocationVisibilityTests(SqliteDirectoryApp app) : LocationVisibilityTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresLocationVisibilityTests(PostgresDirectoryApp app) : LocationVisibilityTests(app);
