using System.Data.Common;
using AidDirectory.Core.Listings;
using AidDirectory.Data;
using AidDirectory.Data.Publishing;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AidDirectory.Web.Tests.Data;

/// <summary>
/// The publish step on the real database: only the asynchronous save, a form's seen version named with
/// ExpectVersion, and one transaction for the counter and the records, rolled back on any failure. SQLite and PostgreSQL.
/// </summary>
public abstract class ListingPublishingTests(DirectoryApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saving_synchronously_is_refused_with_a_message_that_says_to_save_asynchronously()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Sync Save Pantry").SaveAsync(db));
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = "Saved synchronously";
            var refused = Assert.Throws<InvalidOperationException>(() => db.SaveChanges());
            Assert.Contains("Call SaveChangesAsync", refused.Message, StringComparison.Ordinal);
            return 0;
        });
        Assert.Equal("Sync Save Pantry", await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleAsync(Token)));
    }

    [Fact]
    public async Task The_key_ring_still_stores_its_keys_synchronously()
    {
        app.SkipIfUnavailable();
        var name = $"key-{Guid.NewGuid():N}";
        await app.WithDatabaseAsync(db =>
        {
            // ASP.NET Core's EntityFrameworkCoreXmlRepository saves a new key with SaveChanges().
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = name, Xml = "<key />" });
            return Task.FromResult(db.SaveChanges());
        });
        Assert.True(await app.WithDatabaseAsync(db => db.DataProtectionKeys.AnyAsync(k => k.FriendlyName == name, Token)));
    }

    [Fact]
    public async Task A_stale_seen_version_fails_the_save_and_writes_nothing_not_even_a_publish_sequence()
    {
        app.SkipIfUnavailable();
        var id = await RenamedOnceAsync("Stale Form Pantry");
        await app.WithDatabaseAsync(async db =>
        {
            var counter = await CounterAsync(db);
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            Assert.Equal(1, service.Version);
            db.ExpectVersion(service, 0); // the form was built before the first edit
            service.Name = "Edit from a stale form";
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync(Token));

            // Asked on the same connection: a transaction left open would still show the bumped counter.
            Assert.Null(db.Database.CurrentTransaction);
            Assert.Equal(counter, await CounterAsync(db));
            return 0;
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Token));
        Assert.Equal(("Stale Form Pantry (renamed)", 1), (saved.Name, saved.Version));
    }

    [Fact]
    public async Task The_current_seen_version_saves_and_raises_the_version()
    {
        app.SkipIfUnavailable();
        var id = await RenamedOnceAsync("Fresh Form Pantry");
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            db.ExpectVersion(service, 1);
            service.Name = "Edit from a fresh form";
            return await db.SaveChangesAsync(Token);
        });
        var saved = await app.WithDatabaseAsync(db => db.Services.AsNoTracking().SingleAsync(s => s.Id == id, Token));
        Assert.Equal(("Edit from a fresh form", 2), (saved.Name, saved.Version));
    }

    [Fact]
    public async Task A_save_that_fails_in_the_database_rolls_back_the_counter_bump()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Failed Save Pantry").SaveAsync(db));
        var (phoneId, sequence) = await app.WithDatabaseAsync(async db => (
            await db.Phones.Where(p => p.ServiceId == id).Select(p => p.Id).SingleAsync(Token),
            await db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token)));
        await app.WithDatabaseAsync(async db =>
        {
            var counter = await CounterAsync(db);
            // The phone's listing is stamped first; then the duplicate key fails the INSERT.
            db.Phones.Add(new Phone { Id = phoneId, ServiceId = id, Number = "+13125550100" });
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Token));
            Assert.Null(db.Database.CurrentTransaction);
            Assert.Equal(counter, await CounterAsync(db));
            return 0;
        });
        Assert.Equal(sequence, await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token)));
    }

    [Fact]
    public async Task A_save_cancelled_after_the_counter_was_bumped_rolls_it_back()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Cancelled Save Pantry").SaveAsync(db));
        using var cancel = new CancellationTokenSource();
        var counter = await app.WithDatabaseAsync(CounterAsync);
        await app.WithDatabaseAsync(async appDb =>
        {
            await using var db = ContextLike(appDb, new ListingPublishing(), new CancelAfterCounter(cancel));
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = "Renamed, then cancelled";
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => db.SaveChangesAsync(cancel.Token));
            Assert.True(cancel.IsCancellationRequested); // the counter was bumped before the save gave up
            Assert.Null(db.Database.CurrentTransaction);
            Assert.Equal(counter, await CounterAsync(db));
            return 0;
        });
        Assert.Equal("Cancelled Save Pantry", await app.WithDatabaseAsync(db => db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleAsync(Token)));
    }

    [Fact]
    public async Task A_save_inside_the_callers_transaction_is_left_for_the_caller_to_commit()
    {
        app.SkipIfUnavailable();
        var id = await app.WithDatabaseAsync(db => new TestListing("Caller Transaction Pantry").SaveAsync(db));
        var (counter, sequence) = await app.WithDatabaseAsync(async db => (
            await CounterAsync(db),
            await db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token)));
        await app.WithDatabaseAsync(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Token);
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = "Renamed, then rolled back";
            await db.SaveChangesAsync(Token);
            Assert.Same(transaction, db.Database.CurrentTransaction);
            Assert.Equal(counter + 1, await CounterAsync(db)); // written, so the rollback below has something to undo
            await transaction.RollbackAsync(Token);
            return 0;
        });
        var (name, version, counterNow, sequenceNow) = await app.WithDatabaseAsync(async db => (
            await db.Services.Where(s => s.Id == id).Select(s => s.Name).SingleAsync(Token),
            await db.Services.Where(s => s.Id == id).Select(s => s.Version).SingleAsync(Token),
            await CounterAsync(db),
            await db.Services.Where(s => s.Id == id).Select(s => s.PublishSequence).SingleAsync(Token)));
        Assert.Equal(("Caller Transaction Pantry", 0, counter, sequence), (name, version, counterNow, sequenceNow));
    }

    private async Task<Guid> RenamedOnceAsync(string name)
    {
        var id = await app.WithDatabaseAsync(db => new TestListing(name).SaveAsync(db));
        await app.WithDatabaseAsync(async db =>
        {
            var service = await db.Services.SingleAsync(s => s.Id == id, Token);
            service.Name = $"{name} (renamed)";
            return await db.SaveChangesAsync(Token);
        });
        return id;
    }

    private static Task<long> CounterAsync(DirectoryDbContext db) => db.PublishCounters.Select(c => c.Value).SingleAsync(Token);

    // The site's own contexts cannot take an extra interceptor, so this one is built the same way by hand.
    private static DirectoryDbContext ContextLike(DirectoryDbContext db, params IInterceptor[] interceptors) => db switch
    {
        SqliteDirectoryDbContext => new SqliteDirectoryDbContext(new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
            .UseSqlite(db.Database.GetConnectionString()).AddInterceptors(interceptors).Options),
        _ => new PostgresDirectoryDbContext(new DbContextOptionsBuilder<PostgresDirectoryDbContext>()
            .UseNpgsql(db.Database.GetConnectionString(), o => o.UseNetTopologySuite()).AddInterceptors(interceptors).Options),
    };

    // Cancels the save as soon as the publish counter has been bumped, before the records are written.
    private sealed class CancelAfterCounter(CancellationTokenSource cancel) : DbCommandInterceptor
    {
        public override async ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains("\"PublishCounters\" SET", StringComparison.Ordinal))
            {
                await cancel.CancelAsync();
            }

            return result;
        }
    }
}

public sealed class SqliteListingPublishingTests(SqliteDirectoryApp app) : ListingPublishingTests(app), IClassFixture<SqliteDirectoryApp>;

public sealed class PostgresListingPublishingTests(PostgresDirectoryApp app) : ListingPublishingTests(app), IClassFixture<PostgresDirectoryApp>;
