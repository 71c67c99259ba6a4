namespace AidDirectory.Data.Import;

/// <summary>
/// What an import did. When <see cref="Problems"/> is not empty nothing was written: the data set is
/// imported whole or not at all.
/// </summary>
public sealed record ImportReport(
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyDictionary<string, int> ListingsPerSource,
    int Added,
    int Updated,
    int Unchanged,
    int Withdrawn)
{
    public bool Succeeded => Problems.Count == 0;

    public int Listings => ListingsPerSource.Values.Sum();
}
