using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Analysis;
using AidDirectory.Search.Querying;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;
using NetTopologySuite.Geometries;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// The in-process index of published listings that every search is answered from (design §2, the read
/// path): Lucene.Net for words, NetTopologySuite-free great-circle distance for places, and the listings
/// themselves in memory so a result page needs no database. One per web process, fed at start-up and
/// then with the listings changed past <see cref="Sequence"/>.
/// </summary>
public sealed class PublishedListingIndex : IDisposable
{
    private readonly OpenNow _openNow;
    private readonly LanguageAnalyzers _analyzers = new();
    private readonly RAMDirectory _directory = new();
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly System.Threading.Lock _writeLock = new();
    private readonly Dictionary<Guid, long> _ordinals = [];
    private readonly IReadOnlySet<string> _freeWords;
    private volatile Snapshot _snapshot;
    private volatile bool _loaded;

    public PublishedListingIndex(OpenNow openNow)
    {
        _openNow = openNow;
        _freeWords = QueryWords.FoldedFreeWords(_analyzers);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(FoldedAnalyzer.Version, _analyzers.PerField));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _snapshot = new Snapshot(new Dictionary<Guid, IndexedListing>(), new Dictionary<Guid, IndexedListing>(), [], new ListingPlaces([]), new ListingFilters([]), new Dictionary<string, int>(), new CategoryVocabulary([], _analyzers), new PlaceNames([], _analyzers), 0);
    }

    /// <summary>Whether <see cref="Load"/> has run: before it the index is empty, whatever the database holds.</summary>
    public bool IsLoaded => _loaded;

    /// <summary>The highest publish sequence the index has applied.</summary>
    public long Sequence => _snapshot.Sequence;

    public int Count => _snapshot.Listings.Count;

    public PlaceNames PlaceNames => _snapshot.PlaceNames;

    public CategoryVocabulary Vocabulary => _snapshot.Vocabulary;

    /// <summary>How many listed services each category has, counted once per change of the index, not per page view.</summary>
    public IReadOnlyDictionary<string, int> CategoryTotals => _snapshot.CategoryTotals;

    public LanguageAnalyzers Analyzers => _analyzers;

    /// <summary>Replaces everything: the listings, the taxonomy's words and the places.</summary>
    public void Load(IEnumerable<IndexedListing> listings, CategoryVocabulary vocabulary, PlaceNames placeNames, long sequence)
    {
        lock (_writeLock)
        {
            _writer.DeleteAll();
            var all = new Dictionary<Guid, IndexedListing>();
            var everyone = listings.ToList();
            var closed = everyone.Where(l => !Listed(l)).ToDictionary(l => l.Id);
            var listed = everyone.Where(Listed).ToList();
            var ordinals = listed.Select(l => Ordinal(l.Id)).ToList();
            var byOrdinal = new IndexedListing?[_ordinals.Count];
            for (var i = 0; i < listed.Count; i++)
            {
                _writer.AddDocument(ListingDocument.Of(listed[i], ordinals[i]));
                all[listed[i].Id] = listed[i];
                byOrdinal[ordinals[i]] = listed[i];
            }

            _searchers.MaybeRefreshBlocking();
            _snapshot = new Snapshot(all, closed, byOrdinal, new ListingPlaces(byOrdinal), new ListingFilters(byOrdinal), Totals(all.Values), vocabulary, placeNames, sequence);
            _loaded = true;
        }
    }

    /// <summary>Applies listings changed since the last call: new and changed ones replace their old copy, closed ones leave.</summary>
    public void Apply(IEnumerable<IndexedListing> changed, long sequence)
    {
        lock (_writeLock)
        {
            var current = _snapshot;
            if (sequence <= current.Sequence)
            {
                return;
            }

            var all = new Dictionary<Guid, IndexedListing>(current.Listings);
            var closed = new Dictionary<Guid, IndexedListing>(current.Closed);
            var changes = changed.ToList();
            changes.ForEach(l => Ordinal(l.Id));
            var byOrdinal = new IndexedListing?[_ordinals.Count];
            Array.Copy(current.ByOrdinal, byOrdinal, current.ByOrdinal.Length);
            foreach (var listing in changes)
            {
                var id = new Term(IndexFields.Id, listing.Id.ToString("N"));
                var ordinal = Ordinal(listing.Id);
                if (Listed(listing))
                {
                    _writer.UpdateDocument(id, ListingDocument.Of(listing, ordinal));
                    all[listing.Id] = listing;
                    closed.Remove(listing.Id);
                    byOrdinal[ordinal] = listing;
                }
                else
                {
                    _writer.DeleteDocuments(id);
                    all.Remove(listing.Id);
                    closed[listing.Id] = listing;
                    byOrdinal[ordinal] = null;
                }
            }

            _searchers.MaybeRefreshBlocking();
            _snapshot = current with { Listings = all, Closed = closed, ByOrdinal = byOrdinal, Places = new ListingPlaces(byOrdinal), Filters = new ListingFilters(byOrdinal), CategoryTotals = Totals(all.Values), Sequence = sequence };
        }
    }

    /// <summary>
    /// A published listing by id, closed ones included: a resident following an old link or flyer is told
    /// the service has closed. Search never returns a closed listing.
    /// </summary>
    public IndexedListing? Find(Guid id) => _snapshot.Listings.GetValueOrDefault(id) ?? _snapshot.Closed.GetValueOrDefault(id);

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = _snapshot;
        var words = QueryWords.Read(query.Text, _analyzers, snapshot.Vocabulary, snapshot.PlaceNames, _freeWords);
        var place = query.Place ?? words.Place;
        var origin = query.Near ?? place?.Point;
        var free = query.Free || words.Free;

        // Places and filters are answered from memory; Lucene scores the words, for those listings only.
        // Without words (the map moving over the city, a neighbourhood page) Lucene is not asked at all.
        var where = Where(query, origin, place, snapshot);
        var scored = words.Words.Count > 0 || words.Categories.Count > 0
            ? Match(query, words, where, snapshot)
            : Every(where, snapshot);
        var candidates = new List<Candidate>(scored.Count);
        foreach (var match in scored)
        {
            var listing = match.Listing;
            var distance = origin is null ? null : Distance.Km(listing, origin, place);
            if ((origin is null || query.Box is not null || distance <= query.RadiusKm || (place is not null && listing.Location?.CommunityAreaNumber is { } area && place.CommunityAreas.Contains(area)))
                && (query.Box is not { } inBox || (listing.Location is { Latitude: { } lat, Longitude: { } lon } && inBox.Contains(lon, lat)))
                && (query.InArea is not { } inArea || listing.Location?.CommunityAreaNumber == inArea
                    || listing.Service.ServiceAreas.Any(a => a.CommunityAreaNumbers.Contains(inArea)))
                && (!query.OpenNow || _openNow.StateOf(new OpeningHours(listing.Service.Schedules), listing.Service.Status).IsOpen))
            {
                candidates.Add(match with { Distance = distance });
            }
        }

        var counts = Totals(candidates.Select(c => c.Listing)).Select(p => (Category: p.Key, Count: p.Value))
            .OrderBy(g => snapshot.Vocabulary.Categories.FirstOrDefault(c => c.Code == g.Category)?.SortOrder ?? int.MaxValue)
            .ToList();
        if (query.Category is { } category)
        {
            candidates = candidates.FindAll(c => c.Listing.Service.Categories.Any(t => t.Code == category));
        }

        var total = candidates.Count;
        var pageCount = Math.Max(1, (total + SearchQuery.PageSize - 1) / SearchQuery.PageSize);
        var order = ResultOrder.For(origin is not null, words.Words.Count > 0 || words.Categories.Count > 0);
        var hits = (query.AllPages ? BestFirst.Take(candidates, total, order) : BestFirst.Take(candidates, query.Page * SearchQuery.PageSize, order).Skip((query.Page - 1) * SearchQuery.PageSize))
            .Select(c => new SearchHit(c.Listing, c.Distance))
            .ToList();
        return new SearchResults(hits, total, query.Page, pageCount, counts, place, free, words.Categories);
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _analyzers.Dispose();
    }

    // The ordinals of listings that can be where the query asks and pass its filters; null for "any".
    // A superset for places (Search measures each one exactly), exact for filters.
    private static FixedBitSet? Where(SearchQuery query, Point? origin, Place? place, Snapshot snapshot)
    {
        var where = snapshot.Filters.Passing(query);
        if (origin is not null && query.Box is null) where = ListingFilters.And(where, snapshot.Places.Near(origin, query.RadiusKm, place?.CommunityAreas ?? []));
        if (query.Box is { } box) where = ListingFilters.And(where, snapshot.Places.Box(box));
        if (query.InArea is { } area) where = ListingFilters.And(where, snapshot.Places.Area(area));
        return where;
    }

    private static List<Candidate> Every(FixedBitSet? where, Snapshot snapshot)
    {
        var every = new List<Candidate>();
        for (var ordinal = where is null ? 0 : NextIn(where, 0); ordinal < snapshot.ByOrdinal.Length; ordinal = where is null ? ordinal + 1 : NextIn(where, ordinal + 1))
        {
            if (snapshot.ByOrdinal[ordinal] is { } listing)
            {
                every.Add(new Candidate(listing, 0f, null));
            }
        }

        return every;

        static int NextIn(FixedBitSet set, int from) => from >= set.Length ? int.MaxValue : set.NextSetBit(from) is var next and >= 0 ? next : int.MaxValue;
    }

    private List<Candidate> Match(SearchQuery query, QueryWords words, FixedBitSet? where, Snapshot snapshot)
    {
        var root = new BooleanQuery(disableCoord: true);
        var text = TextQuery.For(words.Unplaced ?? query.Text, words, _analyzers);
        root.Add(text is null ? new MatchAllDocsQuery() : text, Occur.MUST);
        if (TextQuery.ForPlace(words) is { } named)
        {
            root.Add(named, Occur.SHOULD);
        }

        // "gratis" typed in the words ranks listings known to be free first; it neither adds listings that
        // match nothing else nor hides the many whose source never said (most pantries). free=1 is strict.
        if (words.Free)
        {
            root.Add(new TermQuery(new Term(IndexFields.Free, "1")) { Boost = 8 }, Occur.SHOULD);
        }
        if (where is not null)
        {
            root.Add(new ConstantScoreQuery(new WhereFilter(where)) { Boost = 0 }, Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var collector = new HitCollector();
            searcher.Search(root, collector);
            var results = new List<Candidate>(collector.Hits.Count);
            foreach (var (ordinal, score) in collector.Hits)
            {
                if (ordinal < snapshot.ByOrdinal.Length && snapshot.ByOrdinal[ordinal] is { } listing)
                {
                    results.Add(new Candidate(listing, score, null));
                }
            }

            return results;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private static Dictionary<string, int> Totals(IEnumerable<IndexedListing> listings)
    {
        var tally = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var listing in listings)
        {
            foreach (var term in listing.Service.Categories)
            {
                tally[term.Code] = tally.GetValueOrDefault(term.Code) + 1;
            }
        }

        return tally;
    }

    private static bool Listed(IndexedListing listing) => listing.Service.Status != ServiceStatus.Closed;

    // Called under the write lock only.
    private long Ordinal(Guid id)
    {
        if (!_ordinals.TryGetValue(id, out var ordinal))
        {
            _ordinals[id] = ordinal = _ordinals.Count;
        }

        return ordinal;
    }

    // ByOrdinal: each listed listing at its ordinal (see IndexOrdinal), null where none is listed.
    // Closed: closed listings, found by id only (their page says so), never searched.
    private sealed record Snapshot(Dictionary<Guid, IndexedListing> Listings, Dictionary<Guid, IndexedListing> Closed, IndexedListing?[] ByOrdinal, ListingPlaces Places, ListingFilters Filters, Dictionary<string, int> CategoryTotals, CategoryVocabulary Vocabulary, PlaceNames PlaceNames, long Sequence);
}
