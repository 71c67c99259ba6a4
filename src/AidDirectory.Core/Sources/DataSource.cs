using NodaTime;

namespace AidDirectory.Core.Sources;

/// <summary>Where listings came from, shown to residents on every listing (HSDS metadata, per source).</summary>
public sealed class DataSource
{
    public required string Key { get; set; }
    public required string Title { get; set; }
    public required string Publisher { get; set; }
    public string? Dataset { get; set; }
    public string? Portal { get; set; }
    /// <summary>The date the data describes (not the download date).</summary>
    public LocalDate AsOf { get; set; }
    public string? Terms { get; set; }
    public string? Attribution { get; set; }
    public string? Notes { get; set; }
}
