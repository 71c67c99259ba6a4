using System.Net;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AidDirectory.Web.Tests.Hosting;

/// <summary>
/// A write that waits on another's database lock past the lock timeout is a 503 with Retry-After, and nothing
/// of it is saved (issue 13, finding 6). The lock is held from a second connection, as another process would.
/// </summary>
public sealed class DatabaseBusyTests(DatabaseBusyTests.ShortLockTimeoutApp app) : IClassFixture<DatabaseBusyTests.ShortLockTimeoutApp>
{
    /// <summary>The SQLite site with a one-second lock timeout, so the test waits one second, not five.</summary>
    public sealed class ShortLockTimeoutApp : SqliteDirectoryApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Database:LockTimeoutSeconds", "1");
        }
    }

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_staff_form_posted_while_another_process_holds_the_write_lock_is_a_503_with_retry_after_and_saves_nothing()
    {
        var editor = new StaffSession(app);
        await editor.RegisterAsync("busy@lock.example.org", "Bea Busy");
        var form = await editor.GetAsync("/portal/organizations/new");
        void Fill(StaffSession.FormFields f) => f.Set("Name", "Locked Out Mutual Aid").Set("Description", "Neighbours sharing food.")
            .Set("Contact.Name", "Bea B.").Set("Contact.Email", "bea@lock.example.org").Set("Contact.Phone", "312-555-0177");

        StaffSession.Page refused;
        await using (var other = new SqliteConnection($"Data Source={app.DatabaseFile}"))
        {
            await other.OpenAsync(Token);
            await using var hold = other.CreateCommand();
            hold.CommandText = "BEGIN IMMEDIATE";
            await hold.ExecuteNonQueryAsync(Token);
            refused = await editor.PostAsync(form, "/portal/organizations/new", Fill);
            hold.CommandText = "ROLLBACK";
            await hold.ExecuteNonQueryAsync(Token);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal(TimeSpan.FromSeconds(5), refused.Response.Headers.RetryAfter?.Delta);
        Assert.Contains("The directory is busy for a moment", refused.Text, StringComparison.Ordinal);
        Assert.Contains("nothing you sent was saved", refused.Text, StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.Snapshot.Contains("Locked Out Mutual Aid"), Token)));

        // Sent again once the lock is gone, it is saved once.
        var sent = await editor.SubmitAsync("/portal/organizations/new", f => Fill(f));
        Assert.Equal(HttpStatusCode.Redirect, sent.Status);
        Assert.Equal(1, await app.WithDatabaseAsync(db => db.Submissions.CountAsync(s => s.Snapshot.Contains("Locked Out Mutual Aid"), Token)));
    }
}
