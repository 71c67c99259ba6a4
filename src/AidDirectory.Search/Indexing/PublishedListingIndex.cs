using AidDirectory.Core.Listings;
using AidDirectory.Core.Schedules;
using AidDirectory.Search.Analysis;
using AidDirectory.Search.Querying;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
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

    public PublishedListingIndex(OpenNow openNow)
    {
        _openNow = openNow;
        _freeWords = QueryWords.FoldedFreeWords(_analyzers);
        _writer = new IndexWriter(_directory, new IndexWriterConfig(FoldedAnalyzer.Version, _analyzers.PerField));
        _searchers = new SearcherManager(_writer, applyAllDeletes: true, searcherFactory: null);
        _snapshot = new Snapshot(new Dictionary<Guid, IndexedListing>(), new Dictionary<long, IndexedListing>(), new PointsByLongitude([]), new Dictionary<string, int>(), new CategoryVocabulary([], _analyzers), new PlaceNames([], _analyzers), 0);
    }

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
            var byOrdinal = new Dictionary<long, IndexedListing>();
            foreach (var listing in listings.Where(Listed))
            {
                var ordinal = Ordinal(listing.Id);
                _writer.AddDocument(ToDocument(listing, ordinal));
                all[listing.Id] = listing;
                byOrdinal[ordinal] = listing;
            }

            _searchers.MaybeRefreshBlocking();
            _snapshot = new Snapshot(all, byOrdinal, new PointsByLongitude(all.Values), Totals(all.Values), vocabulary, placeNames, sequence);
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
            var byOrdinal = new Dictionary<long, IndexedListing>(current.ByOrdinal);
            foreach (var listing in changed)
            {
                var id = new Term(IndexFields.Id, listing.Id.ToString("N"));
                var ordinal = Ordinal(listing.Id);
                if (Listed(listing))
                {
                    _writer.UpdateDocument(id, ToDocument(listing, ordinal));
                    all[listing.Id] = listing;
                    byOrdinal[ordinal] = listing;
                }
                else
                {
                    _writer.DeleteDocuments(id);
                    all.Remove(listing.Id);
                    byOrdinal.Remove(ordinal);
                }
            }

            _searchers.MaybeRefreshBlocking();
            _snapshot = current with { Listings = all, ByOrdinal = byOrdinal, ByLongitude = new PointsByLongitude(all.Values), CategoryTotals = Totals(all.Values), Sequence = sequence };
        }
    }

    public IndexedListing? Find(Guid id) => _snapshot.Listings.GetValueOrDefault(id);

    public SearchResults Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var snapshot = _snapshot;
        var words = QueryWords.Read(query.Text, _analyzers, snapshot.Vocabulary, snapshot.PlaceNames, _freeWords);
        var place = query.Place ?? words.Place;
        var origin = query.Near ?? place?.Point;
        var free = query.Free || words.Free;

        // The map moving over the city asks only "what is in this box": answered from the points sorted by
        // longitude, without Lucene. Any words or filters go through Lucene, and the box filters after.
        var scored = query.Box is { } box && words.Words.Count == 0 && words.Categories.Count == 0 && !Filters(query).Any()
            ? snapshot.ByLongitude.InBox(box).Select(l => (Listing: l, Score: 0f)).ToList()
            : Match(query, words, snapshot);
        var candidates = scored
            .Select(s => (s.Listing, s.Score, Distance: origin is null ? null : DistanceKm(s.Listing, origin, place)))
            .Where(c => origin is null || c.Distance <= query.RadiusKm
                || (place?.CommunityArea is { } area && c.Listing.Location?.CommunityAreaNumber == area))
            .Where(c => query.Box is not { } box
                || (c.Listing.Location is { Latitude: { } lat, Longitude: { } lon } && box.Contains(lon, lat)))
            .Where(c => query.InArea is not { } inArea || c.Listing.Location?.CommunityAreaNumber == inArea
                || c.Listing.Service.ServiceAreas.Any(a => a.CommunityAreaNumbers.Contains(inArea)))
            .Where(c => !query.OpenNow || _openNow.StateOf(new OpeningHours(c.Listing.Service.Schedules), c.Listing.Service.Status).IsOpen)
            .ToList();

        var counts = Totals(candidates.Select(c => c.Listing)).Select(p => (Category: p.Key, Count: p.Value))
            .OrderBy(g => snapshot.Vocabulary.Categories.FirstOrDefault(c => c.Code == g.Category)?.SortOrder ?? int.MaxValue)
            .ToList();
        if (query.Category is { } category)
        {
            candidates = candidates.Where(c => c.Listing.Service.Categories.Any(t => t.Code == category)).ToList();
        }

        // Near a place: nearest first, in steps of a kilometre, and the best match first within a step
        // ("albany park library" puts the Albany Park branch before a library a few blocks closer).
        var ordered = origin is not null
            ? candidates.OrderBy(c => c.Distance is { } d ? Math.Floor(d) : double.MaxValue).ThenByDescending(c => c.Score).ThenBy(c => c.Distance)
            : words.Words.Count > 0 || words.Categories.Count > 0
                ? candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Listing.Service.Name, StringComparer.Ordinal)
                : candidates.OrderBy(c => c.Listing.Service.Name, StringComparer.Ordinal);
        var total = candidates.Count;
        var pageCount = Math.Max(1, (total + SearchQuery.PageSize - 1) / SearchQuery.PageSize);
        var hits = (query.AllPages ? ordered : ordered.Skip((query.Page - 1) * SearchQuery.PageSize).Take(SearchQuery.PageSize))
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

    private List<(IndexedListing Listing, float Score)> Match(SearchQuery query, QueryWords words, Snapshot snapshot)
    {
        var root = new BooleanQuery(disableCoord: true);
        var text = TextQuery(query.Text, words);
        root.Add(text is null ? new MatchAllDocsQuery() : text, Occur.MUST);
        // "gratis" typed in the words ranks listings known to be free first; it neither adds listings that
        // match nothing else nor hides the many whose source never said (most pantries). free=1 is strict.
        if (words.Free)
        {
            root.Add(new TermQuery(new Term(IndexFields.Free, "1")) { Boost = 8 }, Occur.SHOULD);
        }
        foreach (var filter in Filters(query))
        {
            root.Add(new ConstantScoreQuery(filter) { Boost = 0 }, Occur.MUST);
        }

        var searcher = _searchers.Acquire();
        try
        {
            var collector = new HitCollector();
            searcher.Search(root, collector);
            var results = new List<(IndexedListing, float)>(collector.Hits.Count);
            foreach (var (ordinal, score) in collector.Hits)
            {
                if (snapshot.ByOrdinal.TryGetValue(ordinal, out var listing))
                {
                    results.Add((listing, score));
                }
            }

            return results;
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    // Names outrank descriptions; a category word outranks both; an exact word outranks a prefix, which
    // outranks a typo. Every clause is optional, and a listing must match at least one.
    private BooleanQuery? TextQuery(string original, QueryWords words)
    {
        if (words.Words.Count == 0 && words.Categories.Count == 0)
        {
            return null;
        }

        // Coordination off: a listing that matches only the category word must not be scored down for
        // missing the many alternative clauses (stems, folded forms, typos) of the other words.
        var query = new BooleanQuery(disableCoord: true) { MinimumNumberShouldMatch = 1 };
        foreach (var category in words.Categories)
        {
            query.Add(new TermQuery(new Term(IndexFields.Category, category)) { Boost = 20 }, Occur.SHOULD);
        }

        var remaining = string.Join(' ', words.Words);
        foreach (var language in LanguageAnalyzers.Stemmed)
        {
            foreach (var term in _analyzers.Terms(IndexFields.Name(language), language is "zh" or "ar" ? original : remaining).Distinct(StringComparer.Ordinal).Take(MaxWords))
            {
                query.Add(new TermQuery(new Term(IndexFields.Name(language), term)) { Boost = 4 }, Occur.SHOULD);
                query.Add(new TermQuery(new Term(IndexFields.Body(language), term)) { Boost = 1.5f }, Occur.SHOULD);
            }
        }

        var folded = words.Words.Where(w => !StopWords.Contains(w) && !IsSingleIdeograph(w)).Distinct(StringComparer.Ordinal).Take(MaxWords).ToList();
        for (var i = 0; i < folded.Count; i++)
        {
            var word = folded[i];
            query.Add(new TermQuery(new Term(IndexFields.FoldedName, word)) { Boost = 4 }, Occur.SHOULD);
            query.Add(new TermQuery(new Term(IndexFields.FoldedBody, word)) { Boost = 1.5f }, Occur.SHOULD);
            if (i == folded.Count - 1 && word.Length >= 3)
            {
                query.Add(new PrefixQuery(new Term(IndexFields.FoldedName, word)) { Boost = 2 }, Occur.SHOULD);
            }

            if (word.Length >= 4)
            {
                var edits = word.Length >= 8 ? 2 : 1;
                query.Add(new FuzzyQuery(new Term(IndexFields.FoldedName, word), edits, prefixLength: 1) { Boost = 1 }, Occur.SHOULD);
                query.Add(new FuzzyQuery(new Term(IndexFields.FoldedBody, word), edits, prefixLength: 1) { Boost = 0.3f }, Occur.SHOULD);
            }
        }

        return query;
    }

    private static IEnumerable<Query> Filters(SearchQuery query)
    {
        if (query.Free) yield return new TermQuery(new Term(IndexFields.Free, "1"));
        if (query.Speaks is { } language) yield return new TermQuery(new Term(IndexFields.Language, language));
        if (query.Documents is { } documents)
        {
            var allowed = new BooleanQuery { new BooleanClause(new TermQuery(new Term(IndexFields.Documents, "none")), Occur.SHOULD) };
            if (documents != "none")
            {
                allowed.Add(new TermQuery(new Term(IndexFields.Documents, documents)), Occur.SHOULD);
            }

            yield return allowed;
        }

        if (query.NoStatusQuestion) yield return new TermQuery(new Term(IndexFields.NoStatusQuestion, "1"));
        if (query.WalkIn) yield return new TermQuery(new Term(IndexFields.WalkIn, "1"));
        if (query.Delivery) yield return new TermQuery(new Term(IndexFields.Delivery, "1"));
        if (query.Wheelchair) yield return new TermQuery(new Term(IndexFields.Wheelchair, "1"));
    }

    // Beyond this many distinct words a query adds nothing but cost (and Lucene's 1,024-clause limit).
    private const int MaxWords = 24;

    // Words that match nearly every listing in the folded fields, which have no stopword filter of their own.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "at", "for", "in", "near", "of", "on", "or", "the", "to", "with",
        "de", "del", "el", "en", "la", "las", "los", "para", "por", "un", "una", "y", "cerca",
        "i", "na", "w", "z", "do", "dla", "blisko",
    };

    // Chinese is matched through the CJK bigram fields; a lone character in the folded fields matches too much.
    private static bool IsSingleIdeograph(string word) => word.Length == 1 && word[0] >= '\u2E80';

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

    private static Document ToDocument(IndexedListing listing, long ordinal)
    {
        var s = listing.Service;
        var doc = new Document
        {
            new StringField(IndexFields.Id, s.Id.ToString("N"), Field.Store.NO),
            new NumericDocValuesField(IndexOrdinal.Field, ordinal),
        };
        var names = new[] { (s.WrittenIn, s.Name) }.Concat(s.NameTranslations.Values.Select(p => (p.Key, p.Value)));
        var bodies = new[] { (s.WrittenIn, string.Join(". ", new[] { s.Description, s.EligibilityDescription, s.Organization?.Name }.OfType<string>())) }
            .Concat(s.DescriptionTranslations.Values.Select(p => (p.Key, p.Value)));
        foreach (var (language, text) in names)
        {
            if (LanguageAnalyzers.Stemmed.Contains(language)) doc.Add(new TextField(IndexFields.Name(language), text, Field.Store.NO));
            doc.Add(new TextField(IndexFields.FoldedName, text, Field.Store.NO));
        }

        foreach (var (language, text) in bodies)
        {
            if (LanguageAnalyzers.Stemmed.Contains(language)) doc.Add(new TextField(IndexFields.Body(language), text, Field.Store.NO));
            doc.Add(new TextField(IndexFields.FoldedBody, text, Field.Store.NO));
        }

        foreach (var category in s.Categories) doc.Add(new StringField(IndexFields.Category, category.Code, Field.Store.NO));
        foreach (var language in s.Languages) doc.Add(new StringField(IndexFields.Language, language, Field.Store.NO));
        if (s.Cost == CostKind.Free) doc.Add(new StringField(IndexFields.Free, "1", Field.Store.NO));
        if (s.DocumentsRequired is { } documents)
        {
            doc.Add(new StringField(IndexFields.Documents, documents switch
            {
                DocumentsRequired.None => "none",
                DocumentsRequired.NoPhotoId => "no_photo_id",
                DocumentsRequired.NoSsn => "no_ssn",
                DocumentsRequired.Other => "other",
            }, Field.Store.NO));
        }

        if (s.AsksImmigrationStatus == false) doc.Add(new StringField(IndexFields.NoStatusQuestion, "1", Field.Store.NO));
        if (s.Access is AccessMode.WalkIn or AccessMode.WalkInOrAppointment) doc.Add(new StringField(IndexFields.WalkIn, "1", Field.Store.NO));
        if (s.DeliveryAvailable) doc.Add(new StringField(IndexFields.Delivery, "1", Field.Store.NO));
        if (listing.Location?.WheelchairAccessible == true) doc.Add(new StringField(IndexFields.Wheelchair, "1", Field.Store.NO));
        return doc;
    }

    // Kilometres from the place searched. A service whose service area covers the place counts as there;
    // Approximate locations are measured from their snapped point, Hidden ones have no distance at all.
    private static double? DistanceKm(IndexedListing listing, Point origin, Place? place)
    {
        if (listing.Service.ServiceAreas.Any(a => Covers(a, place, origin)))
        {
            return 0;
        }

        return listing.Location is { Latitude: { } lat, Longitude: { } lon } ? GreatCircleKm(origin.Y, origin.X, lat, lon) : null;
    }

    private static bool Covers(ServiceArea area, Place? place, Point origin) =>
        (area.CommunityAreaNumbers.Count == 0 && area.PostalCodes.Count == 0 && area.Extent is null) // the whole deployment ("Illinois")
        || (place?.CommunityArea is { } number && area.CommunityAreaNumbers.Contains(number))
        || (place?.Kind == Place.Zip && area.PostalCodes.Contains(place.Key))
        || area.Extent?.Covers(origin) == true;

    private static double GreatCircleKm(double lat1, double lon1, double lat2, double lon2)
    {
        const double EarthKm = 6371.0088;
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(lat2 - lat1);
        var dLon = Radians(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Radians(lat1)) * Math.Cos(Radians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * EarthKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private sealed record Snapshot(Dictionary<Guid, IndexedListing> Listings, Dictionary<long, IndexedListing> ByOrdinal, PointsByLongitude ByLongitude, Dictionary<string, int> CategoryTotals, CategoryVocabulary Vocabulary, PlaceNames PlaceNames, long Sequence);
}
