using AidDirectory.Core.Listings;
using AidDirectory.Core.Places;
using AidDirectory.Core.Sources;
using AidDirectory.Core.Taxonomy;

namespace AidDirectory.Data.Import;

/// <summary>The whole sample data set, read and checked, not yet written.</summary>
internal sealed class ImportBatch
{
    public List<ImportProblem> Problems { get; } = [];
    public List<DataSource> Sources { get; } = [];
    public List<TaxonomyTerm> Terms { get; } = [];
    public List<CommunityArea> Areas { get; } = [];
    public List<ZipCode> Zips { get; } = [];
    public Dictionary<Guid, Organization> Organizations { get; } = [];
    /// <summary>Each service with its phones, schedules, service-at-locations (with their location) and category codes.</summary>
    public List<BatchListing> Services { get; } = [];
}

/// <summary>A listing read from <see cref="File"/> at <see cref="Line"/>, so a later check can still say where it came from.</summary>
internal sealed record BatchListing(Service Service, List<string> CategoryCodes, string File, int Line);
