using AidDirectory.Core.Listings;
using AidDirectory.Search.Analysis;
using Lucene.Net.Documents;

namespace AidDirectory.Search.Indexing;

/// <summary>
/// The Lucene document a listed listing is indexed as: its names and descriptions in the field of the
/// language each is written in and folded, its categories, and whether it is known to be free. Places
/// and filters are not here; they are answered from memory (<see cref="ListingPlaces"/>, <see cref="ListingFilters"/>).
/// </summary>
internal static class ListingDocument
{
    public static Document Of(IndexedListing listing, long ordinal)
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
        if (s.Cost == CostKind.Free) doc.Add(new StringField(IndexFields.Free, "1", Field.Store.NO));
        return doc;
    }
}
