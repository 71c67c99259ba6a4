using System.Text.Json;

namespace AidDirectory.Data.Import;

/// <summary>
/// services/*.ndjson: one listing per line, in file-name order. A line is kept only when it converts, fits
/// the database's columns and uses an id no earlier line used.
/// </summary>
internal sealed class ListingReader(DataFolder folder, ImportBatch batch, ListingConverter converter, ModelLimits limits)
{
    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        var services = folder.PathOf("services");
        foreach (var path in (Directory.Exists(services) ? Directory.EnumerateFiles(services, "*.ndjson") : []).Order(StringComparer.Ordinal))
        {
            await ReadFileAsync(path, cancellationToken);
        }
    }

    private async Task ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        var file = folder.NameOf(path);
        var seen = batch.Services.Select(s => s.Service.ExternalId).ToHashSet(StringComparer.Ordinal);
        var lineNumber = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            ListingRecord? record;
            try
            {
                record = JsonSerializer.Deserialize<ListingRecord>(line, DataFolder.Json);
            }
            catch (JsonException e)
            {
                folder.Problem(file, lineNumber, $"not a valid JSON object ({e.Message}).");
                continue;
            }

            var errors = new List<string>();
            var listing = record is null ? null : converter.ToService(record, errors);
            if (listing is { } read)
            {
                errors.AddRange(limits.TooLong(read.Service));
            }
            if (record?.Id is { } id && !seen.Add(id))
            {
                errors.Add($"id \"{id}\" is used by another listing.");
            }

            if (listing is null || errors.Count > 0)
            {
                folder.Problem(file, lineNumber, string.Join(" ", errors.DefaultIfEmpty("empty line.")));
                continue;
            }

            batch.Services.Add(new BatchListing(listing.Value.Service, listing.Value.CategoryCodes, file, lineNumber));
        }
    }
}
