using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AidDirectory.Web.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server for one test class: initdb and pg_ctl in a temporary folder, listening on
/// 127.0.0.1 on a free port, stopped and deleted afterwards. <c>AIDDIRECTORY_TEST_POSTGRES</c> (a connection
/// string) uses an existing server instead. Without binaries it reports why, so the tests can skip (or fail under CI).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string? _bin;
    private readonly bool _asPostgresUser;
    private bool _stopped;

    private PostgresServer(string connectionString, string? folder, string? bin, bool asPostgresUser)
    {
        ConnectionString = connectionString;
        _folder = folder;
        _bin = bin;
        _asPostgresUser = asPostgresUser;
    }

    public string ConnectionString { get; }

    public static string? WhyUnavailable()
    {
        if (Environment.GetEnvironmentVariable("AIDDIRECTORY_TEST_POSTGRES") is { Length: > 0 })
        {
            return null;
        }

        if (FindBin() is not { } bin)
        {
            return "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb); ./test.sh installs it.";
        }

        var version = Path.GetFileName(Path.GetDirectoryName(bin));
        return File.Exists($"/usr/share/postgresql/{version}/extension/postgis.control")
            ? null
            : $"PostGIS is not installed for PostgreSQL {version} (postgresql-{version}-postgis-3); ./test.sh installs it.";
    }

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("AIDDIRECTORY_TEST_POSTGRES") is { Length: > 0 } external)
        {
            // A database of its own on the shared server, created by the migrations, so test classes never meet.
            var own = new Npgsql.NpgsqlConnectionStringBuilder(external) { Database = $"aid_{Guid.NewGuid():N}" };
            return new PostgresServer(own.ConnectionString, null, null, false);
        }

        var bin = FindBin() ?? throw new InvalidOperationException(WhyUnavailable());
        var folder = Directory.CreateTempSubdirectory("aid-pg-").FullName;
        var asPostgresUser = Environment.UserName == "root";
        if (asPostgresUser)
        {
            // initdb and pg_ctl refuse to run as root.
            await RunAsync("chown", ["-R", "postgres:postgres", folder], false, cancellationToken);
        }

        var port = FreePort();
        var server = new PostgresServer($"Host=127.0.0.1;Port={port};Username=aid;Database=aid_{Guid.NewGuid():N};Timeout=30", folder, bin, asPostgresUser);
        await RunAsync(Path.Combine(bin, "initdb"), ["-D", Path.Combine(folder, "data"), "-U", "aid", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8"], asPostgresUser, cancellationToken);
        await RunAsync(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(folder, "data"), "-l", Path.Combine(folder, "log"), "-w", "-o",
            $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off", "start"], asPostgresUser, cancellationToken);
        return server;
    }

    /// <summary>Whether <see cref="StopAsync"/> can take the server away: only a throwaway one, never a shared <c>AIDDIRECTORY_TEST_POSTGRES</c>.</summary>
    public bool CanStop => _folder is not null && _bin is not null;

    /// <summary>Stops the throwaway server at once, as a crash or a lost network would: connections are refused from here on.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!CanStop)
        {
            throw new InvalidOperationException("A shared server (AIDDIRECTORY_TEST_POSTGRES) is not the tests' to stop.");
        }

        if (_stopped)
        {
            return;
        }

        await RunAsync(Path.Combine(_bin!, "pg_ctl"), ["-D", Path.Combine(_folder!, "data"), "-m", "immediate", "-w", "stop"], _asPostgresUser, cancellationToken);
        _stopped = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!CanStop)
        {
            return;
        }

        await StopAsync(CancellationToken.None);
        Directory.Delete(_folder!, recursive: true);
    }

    private static string? FindBin() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(b => File.Exists(Path.Combine(b, "initdb")))
            .OrderByDescending(b => int.TryParse(Path.GetFileName(Path.GetDirectoryName(b)), out var v) ? v : 0)
            .FirstOrDefault()
        : null;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, string[] arguments, bool asPostgresUser, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (asPostgresUser)
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await output} {await error}");
        }
    }
}
