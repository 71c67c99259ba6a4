using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// Hands Lucene the listings that can be where a query asks (see <see cref="ListingPlaces"/>), so that
/// words are scored only for them: near 60629, 2,000 listings are scored instead of 50,000. Its cost is
/// its size, so Lucene leads with it when it is the smallest clause.
/// </summary>
internal sealed class WhereFilter(FixedBitSet ordinals) : Filter
{
    // Each segment's documents' ordinals and back, read from doc values once per segment, not once per search.
    private static readonly ConditionalWeakTable<object, Segment> Segments = [];

    public override DocIdSet GetDocIdSet(AtomicReaderContext context, IBits acceptDocs)
    {
        ArgumentNullException.ThrowIfNull(context);
        var segment = Segments.GetValue(context.AtomicReader.CoreCacheKey, _ => Segment.Read(context.AtomicReader));
        var docs = new List<int>();
        if (ordinals.Cardinality * 4L < segment.OrdinalByDoc.Length)
        {
            // Few listings asked for: look each one up, rather than every document of the segment.
            for (var ordinal = NextOrdinal(0); ordinal >= 0; ordinal = NextOrdinal(ordinal + 1))
            {
                if (ordinal < segment.DocByOrdinal.Length && segment.DocByOrdinal[ordinal] is var doc and >= 0 && (acceptDocs is null || acceptDocs.Get(doc)))
                {
                    docs.Add(doc);
                }
            }

            docs.Sort();
        }
        else
        {
            for (var doc = 0; doc < segment.OrdinalByDoc.Length; doc++)
            {
                var ordinal = segment.OrdinalByDoc[doc];
                if (ordinal < ordinals.Length && ordinals.Get(ordinal) && (acceptDocs is null || acceptDocs.Get(doc)))
                {
                    docs.Add(doc);
                }
            }
        }

        return new SortedDocs([.. docs]);
    }

    private int NextOrdinal(int from) => from >= ordinals.Length ? -1 : ordinals.NextSetBit(from);

    // A listing changed twice in one segment has two documents there, the older one deleted: the later
    // (higher) document is the live one, and it is the one kept for its ordinal.
    private sealed record Segment(int[] OrdinalByDoc, int[] DocByOrdinal)
    {
        public static Segment Read(AtomicReader reader)
        {
            var values = reader.GetNumericDocValues(IndexOrdinal.Field);
            var ordinalByDoc = new int[reader.MaxDoc];
            for (var doc = 0; doc < ordinalByDoc.Length; doc++)
            {
                ordinalByDoc[doc] = values is null ? int.MaxValue : (int)values.Get(doc);
            }

            var docByOrdinal = new int[ordinalByDoc.Length == 0 ? 0 : ordinalByDoc.Where(o => o != int.MaxValue).DefaultIfEmpty(-1).Max() + 1];
            Array.Fill(docByOrdinal, -1);
            for (var doc = 0; doc < ordinalByDoc.Length; doc++)
            {
                if (ordinalByDoc[doc] != int.MaxValue)
                {
                    docByOrdinal[ordinalByDoc[doc]] = doc;
                }
            }

            return new Segment(ordinalByDoc, docByOrdinal);
        }
    }

    private sealed class SortedDocs(int[] docs) : DocIdSet
    {
        public override DocIdSetIterator GetIterator() => new Iterator(docs);

        private sealed class Iterator(int[] docs) : DocIdSetIterator
        {
            private int _at = -1;

            public override int DocID => _at < 0 ? -1 : _at < docs.Length ? docs[_at] : NO_MORE_DOCS;

            public override int NextDoc()
            {
                _at++;
                return DocID;
            }

            public override int Advance(int target)
            {
                var found = Array.BinarySearch(docs, Math.Max(0, _at), docs.Length - Math.Max(0, _at), target);
                _at = found >= 0 ? found : ~found;
                return DocID;
            }

            public override long GetCost() => docs.Length;
        }
    }
}
