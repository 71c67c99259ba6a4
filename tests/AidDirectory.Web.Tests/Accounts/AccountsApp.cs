using AidDirectory.Data;
using AidDirectory.Data.Accounts;
using AidDirectory.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace AidDirectory.Web.Tests.Accounts;

/// <summary>
/// The site (SQLite) with mail configured, so registration is open and the outbox fills (the SMTP server is never
/// reached), and with a password hasher that counts its work, so a test can see how many passwords an attempt hashed.
/// </summary>
public sealed class AccountsApp : DirectoryApp
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"aid-{Guid.NewGuid():N}.db");

    public CountingPasswordHasher Hasher { get; } = new();

    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override string ConnectionString => $"Data Source={_file}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Mail:SmtpPort", "9");
        builder.UseSetting("Deployment:PublicUrl", "https://directory.example.org");
        builder.ConfigureTestServices(services => services.AddSingleton<IPasswordHasher<DirectoryUser>>(Hasher));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_file);
        GC.SuppressFinalize(this);
    }

    /// <summary>Identity's own hasher, counting how often a password is checked against a hash.</summary>
    public sealed class CountingPasswordHasher : IPasswordHasher<DirectoryUser>
    {
        private readonly PasswordHasher<DirectoryUser> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(DirectoryUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(DirectoryUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
