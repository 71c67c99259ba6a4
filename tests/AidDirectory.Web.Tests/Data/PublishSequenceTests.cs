using AidDirectory.Core.Locations;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AidDirectory.Web.Tests.Data;

/// <summary>Every saved change to a listing, however it is made, moves it up the publish sequence, so search picks it up. Runs on SQLite and on PostgreSQL.</summary>
public abstract class PublishSequenceTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_change_to_a_listing_its_hours_or_its_organization_moves_it_up_the_publish_sequence()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Sequence Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).SaveAsync(db));
        async Task<(long Listing, long Counter)> ReadAsync() => await app.WithDatabaseAsync(async db => (
            await db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token),
            await db.PublishCounters.Select(c => c.Value).SingleAsync(Token)));

        var created = await ReadAsync();
        Assert.Equal(created.Counter, created.Listing);
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.Include(s => s.Schedules).SingleAsync(s => s.Id == id, Token);
            service.Schedules[0].ClosesAt = new LocalTime(16, 0);
            return await db.SaveChangesAsync(Token);
        });
        var rescheduled = await ReadAsync();
        Assert.True(rescheduled.Listing > created.Listing);
        await app.WithDatabaseAsync(async db =>
        {
            var organization = await db.Organizations.SingleAsync(o => o.Services.Any(s => s.Id == id), Token);
            organization.Name = "Renamed Network";
            return await db.SaveChangesAsync(Token);
        });
        var renamed = await ReadAsync();
        Assert.True(renamed.Listing > rescheduled.Listing);
        Assert.Equal(renamed.Counter, renamed.Listing);
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = service.Name; // no change: no new sequence
            return await db.SaveChangesAsync(Token);
        });
        Assert.Equal(renamed, await ReadAsync());
    }

    [Fact]
    public async Task A_place_made_approximate_without_loading_its_listing_reaches_search_and_hides_its_point()
    {
        app.SkipIfUnavailable();
        var (id, locationId) = await app.WithDatabaseAsync(async db =>
        {
            var listing = new TestListing("Quokka Shelter Visible");
            await listing.SaveAsync(db);
            return (listing.Service.Id, listing.Location.Id);
        });
        var before = await app.ResidentClient().GetStringAsync("/api/v1/services?q=quokka", Token);
        Assert.Contains("41.842987", before, StringComparison.Ordinal);

        await app.WithDatabaseAsync(async db =>
        {
            var place = await db.Locations.SingleAsync(l => l.Id == locationId, Token); // the listing itself is not loaded
            place.Visibility = LocationVisibility.Approximate;
            return await db.SaveChangesAsync(Token);
        });

        var after = await app.ResidentClient().GetStringAsync("/api/v1/services?q=quokka", Token);
        Assert.Contains(id.ToString(), after, StringComparison.Ordinal);
        Assert.DoesNotContain("41.842987", after, StringComparison.Ordinal);
        Assert.DoesNotContain("-87.718123", await app.ResidentClient().GetStringAsync("/api/v1/services.geojson?q=quokka", Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phone_edited_on_its_own_moves_its_listing_up_the_publish_sequence()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Lone Phone Pantry").SaveAsync(db));
        var before = await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token));
        await app.WithDatabaseAsync(async db =>
        {
            var phone = await db.Phones.SingleAsync(p => p.ServiceId == id, Token);
            phone.Number = "+13125550177";
            return await db.SaveChangesAsync(Token);
        });
        var after = await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token));
        Assert.True(after > before, $"{before} -> {after}");
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqlitePublishSequenceTests(SqliteDirectoryApp app) : PublishSequenceTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresPublishSequenceTests(PostgresDirectoryApp app) : PublishSequenceTests(app);
