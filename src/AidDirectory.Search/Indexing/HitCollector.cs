using Lucene.Net.Index;
using Lucene.Net.Search;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// Collects every match with its score and its listing's ordinal, read from doc values: no priority
/// queue sized to the whole index and no stored-field reads, which is what makes a broad query cheap.
/// </summary>
internal sealed class HitCollector : ICollector
{
    private Scorer? _scorer;
    private NumericDocValues? _ordinals;

    public List<(long Ordinal, float Score)> Hits { get; } = [];

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _ordinals = context.AtomicReader.GetNumericDocValues(IndexOrdinal.Field);
    }

    public void Collect(int doc) => Hits.Add((_ordinals!.Get(doc), _scorer!.GetScore()));
}

/// <summary>Each listing's small whole-number key in the index, stable for the life of the process.</summary>
internal static class IndexOrdinal
{
    public const string Field = "ordinal";
}
