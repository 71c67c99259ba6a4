using System.ComponentModel.DataAnnotations;

namespace AidDirectory.Web.Features.Search;

public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>How often each process asks the database for listings published since it last looked.</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 5;
}
