using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Data;

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Sqlite</c> (embedded default) or <c>Postgres</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Import the Chicago sample data when the database has no listings yet.</summary>
    public bool SeedSampleData { get; set; } = true;

    /// <summary>Folder holding sources.json, services/, taxonomy/ and places/. Default: the data folder shipped beside the program.</summary>
    public string? SampleDataPath { get; set; }

    public string ResolvedSampleDataPath => SampleDataPath ?? Path.Combine(AppContext.BaseDirectory, "data");
}
