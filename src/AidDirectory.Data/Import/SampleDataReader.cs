namespace AidDirectory.Data.Import;

/// <summary>
/// Reads the data folder (sources.json, taxonomy/, places/, services/*.ndjson) and checks every row,
/// collecting each problem with its file and line instead of stopping at the first. One reader per kind of
/// file; each later one checks its rows against what the earlier ones read.
/// </summary>
internal sealed class SampleDataReader(string folder, ModelLimits limits)
{
    public async Task<ImportBatch> ReadAsync(CancellationToken cancellationToken)
    {
        var batch = new ImportBatch();
        var data = new DataFolder(folder, batch.Problems);
        if (!File.Exists(data.PathOf(SourcesReader.File)))
        {
            data.Problem(SourcesReader.File, 0, $"No sample data found in {folder}: sources.json is missing.");
            return batch;
        }

        await new SourcesReader(data, batch).ReadAsync(cancellationToken);
        await new TaxonomyReader(data, batch).ReadAsync(cancellationToken);
        var gazetteer = await new PlacesReader(data, batch).ReadAsync(cancellationToken);
        await new ListingReader(data, batch, new ListingConverter(batch, gazetteer), limits).ReadAsync(cancellationToken);
        return batch;
    }
}
