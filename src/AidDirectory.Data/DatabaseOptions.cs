using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// How long a write waits for another's lock before it gives up (SQLite's busy timeout, PostgreSQL's
    /// <c>lock_timeout</c>); the site then answers 503 with Retry-After and nothing of the request is saved.
    /// </summary>
    [Range(1, 60)]
    public int LockTimeoutSeconds { get; set; } = 5;

    /// <summary>Import the Chicago sample data when the database has no listings yet.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>Folder holding sources.json, services/, taxonomy/ and places/. Default: the data folder shipped beside the program.</summary>
    public string? SampleDataPath { get; set; }

    public string ResolvedSampleDataPath => SampleDataPath ?? Path.Combine(AppContext.BaseDirectory, "data");
}
