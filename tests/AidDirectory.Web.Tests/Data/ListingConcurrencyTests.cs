using AidDirectory.Data.Publishing;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace AidDirectory.Web.Tests.Data;

/// <summary>Two people saving the same listing: the second, working from an outdated copy, is refused. Runs on SQLite and on PostgreSQL.</summary>
public abstract class ListingConcurrencyTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_moderator_saving_an_outdated_copy_is_refused()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Concurrency Pantry").SaveAsync(db));
        await app.WithDatabaseAsync(async first =>
        {
            await app.WithDatabaseAsync(async second =>
            {
                var mine = await first.Services.SingleAsync(s => s.Id == id, Token);
                var theirs = await second.Services.SingleAsync(s => s.Id == id, Token);
                mine.Name = "Renamed by the first";
                await first.SaveChangesAsync(Token);
                theirs.Name = "Renamed by the second";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Token));
                return 0;
            });
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Token));
        Assert.Equal("Renamed by the first", saved.Name);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Two_edits_of_a_services_hours_or_phones_cannot_both_win()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Hours Race Pantry").OpenOn(IsoDayOfWeek.Monday, 9, 17).SaveAsync(db));
        await app.WithDatabaseAsync(async first =>
        {
            await app.WithDatabaseAsync(async second =>
            {
                var mine = await first.Services.Include(s => s.Schedules).SingleAsync(s => s.Id == id, Token);
                var theirs = await second.Services.Include(s => s.Phones).SingleAsync(s => s.Id == id, Token);
                mine.Schedules[0].ClosesAt = new LocalTime(18, 0);
                await first.SaveChangesAsync(Token);
                theirs.Phones[0].Number = "+13125550199";
                await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Token));
                return 0;
            });
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().Include(s => s.Phones).SingleAsync(s => s.Id == id, Token));
        Assert.Equal(1, saved.Version);
        Assert.Equal("+13125550123", saved.Phones[0].Number);
    }

    [Fact]
    public async Task An_edit_posted_with_an_old_version_is_refused_even_from_a_fresh_read()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Posted Version Pantry").SaveAsync(db));
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = "First edit";
            await db.SaveChangesAsync(Token); // now at version 1
            return 0;
        });
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            db.ExpectVersion(service, 0);   // the form was built from version 0
            service.Name = "Edit from a stale form";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Token));
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Token));
        Assert.Equal("First edit", saved.Name);
    }
}

[Collection<SqliteResidentSite>]
public sealed class SqliteListingConcurrencyTests(SqliteDirectoryApp app) : ListingConcurrencyTests(app);

[Collection<PostgresResidentSite>]
public sealed class PostgresListingConcurrencyTests(PostgresDirectoryApp app) : ListingConcurrencyTests(app);
