using AidDirectory.Core.Sources;
using NodaTime.Text;

namespace AidDirectory.Data.Import;

/// <summary>sources.json: the rosters the listings come from, each with its publisher, date and terms.</summary>
internal sealed class SourcesReader(DataFolder folder, ImportBatch batch)
{
    public const string File = "sources.json";

    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var sources = await folder.ReadJsonAsync<Dictionary<string, SourceRecord>>(File, cancellationToken);
        foreach (var (key, s) in sources ?? [])
        {
            if (s.Title is null || s.Publisher is null || s.AsOf is null || !LocalDatePattern.Iso.Parse(s.AsOf).TryGetValue(default, out var asOf))
            {
                folder.Problem(File, 0, $"source \"{key}\" needs a title, a publisher and as_of as an ISO date (yyyy-mm-dd).");
                continue;
            }

            batch.Sources.Add(new DataSource
            {
                Key = key, Title = s.Title, Publisher = s.Publisher, Dataset = s.Dataset, Portal = s.Portal,
                AsOf = asOf, Terms = s.Terms, Attribution = s.Attribution, Notes = s.Notes,
            });
        }
    }
}
