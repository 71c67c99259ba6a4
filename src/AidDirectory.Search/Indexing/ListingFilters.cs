using AidDirectory.Core.Listings;
using AidDirectory.Search.Querying;
using Lucene.Net.Util;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// The facts residents filter by (design §3): free, documents asked, immigration status not asked,
/// walk-in, delivery, wheelchair access, languages spoken and interpretation on request, each kept as one set of listing ordinals,
/// built once per change of the index. A query's filters are then a few ANDs of bits, and Lucene is
/// left with the words.
/// </summary>
internal sealed class ListingFilters
{
    private readonly FixedBitSet _free;
    private readonly FixedBitSet _noStatusQuestion;
    private readonly FixedBitSet _walkIn;
    private readonly FixedBitSet _delivery;
    private readonly FixedBitSet _wheelchair;
    private readonly Dictionary<DocumentsRequired, FixedBitSet> _documents = [];
    private readonly Dictionary<string, FixedBitSet> _speaks = new(StringComparer.Ordinal);
    private readonly FixedBitSet _interpretationAnyLanguage;
    private readonly Dictionary<string, FixedBitSet> _interpretationIn = new(StringComparer.Ordinal);
    private readonly int _count;

    /// <param name="byOrdinal">Each listed listing at its ordinal, null where none is.</param>
    public ListingFilters(IndexedListing?[] byOrdinal)
    {
        _count = byOrdinal.Length;
        _free = new FixedBitSet(_count);
        _noStatusQuestion = new FixedBitSet(_count);
        _walkIn = new FixedBitSet(_count);
        _delivery = new FixedBitSet(_count);
        _wheelchair = new FixedBitSet(_count);
        _interpretationAnyLanguage = new FixedBitSet(_count);
        foreach (var documents in Enum.GetValues<DocumentsRequired>())
        {
            _documents[documents] = new FixedBitSet(_count);
        }

        for (var ordinal = 0; ordinal < byOrdinal.Length; ordinal++)
        {
            if (byOrdinal[ordinal] is not { Service: var s } listing)
            {
                continue;
            }

            if (s.Cost == CostKind.Free) _free.Set(ordinal);
            if (s.AsksImmigrationStatus == false) _noStatusQuestion.Set(ordinal);
            if (s.Access is AccessMode.WalkIn or AccessMode.WalkInOrAppointment) _walkIn.Set(ordinal);
            if (s.DeliveryAvailable) _delivery.Set(ordinal);
            if (listing.Location?.WheelchairAccessible == true) _wheelchair.Set(ordinal);
            if (s.DocumentsRequired is { } documents) _documents[documents].Set(ordinal);
            foreach (var language in s.Languages)
            {
                Of(_speaks, language).Set(ordinal);
            }

            if (s.InterpretationOnRequest == true && s.InterpretationLanguages.Count == 0) _interpretationAnyLanguage.Set(ordinal);
            if (s.InterpretationOnRequest == true)
            {
                foreach (var language in s.InterpretationLanguages)
                {
                    Of(_interpretationIn, language).Set(ordinal);
                }
            }
        }
    }

    /// <summary>The ordinals of listings passing every filter the query sets; null when it sets none.</summary>
    public FixedBitSet? Passing(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        FixedBitSet? passing = null;
        if (query.Free) passing = And(passing, _free);
        if (query.NoStatusQuestion) passing = And(passing, _noStatusQuestion);
        if (query.WalkIn) passing = And(passing, _walkIn);
        if (query.Delivery) passing = And(passing, _delivery);
        if (query.Wheelchair) passing = And(passing, _wheelchair);
        if (query.Speaks is { } language) passing = And(passing, _speaks.GetValueOrDefault(language) ?? new FixedBitSet(_count));
        if (query.Interpretation is { } into)
        {
            // Interpretation "in the language you ask for" counts for every language.
            var interpreted = _interpretationAnyLanguage.Clone();
            if (_interpretationIn.GetValueOrDefault(into) is { } named) interpreted.Or(named);
            passing = And(passing, interpreted);
        }
        if (query.Documents is { } asked)
        {
            // "No photo ID" also accepts listings that ask for no documents at all; likewise "no SSN".
            var allowed = _documents[DocumentsRequired.None].Clone();
            if (asked == "no_photo_id") allowed.Or(_documents[DocumentsRequired.NoPhotoId]);
            if (asked == "no_ssn") allowed.Or(_documents[DocumentsRequired.NoSsn]);
            passing = And(passing, allowed);
        }

        return passing;
    }

    private FixedBitSet Of(Dictionary<string, FixedBitSet> byLanguage, string language)
    {
        if (!byLanguage.TryGetValue(language, out var set))
        {
            byLanguage[language] = set = new FixedBitSet(_count);
        }

        return set;
    }

    /// <summary>Both sets' common bits, written into <paramref name="into"/> (or a copy of <paramref name="next"/>, never the original).</summary>
    public static FixedBitSet And(FixedBitSet? into, FixedBitSet next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (into is null)
        {
            return next.Clone();
        }

        into.And(next);
        return into;
    }
}
