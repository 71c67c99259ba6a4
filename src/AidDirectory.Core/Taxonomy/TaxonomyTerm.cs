using AidDirectory.Core.Listings;
using AidDirectory.Core.Translations;

namespace AidDirectory.Core.Taxonomy;

/// <summary>
/// HSDS taxonomy_term. Our top-level categories (taxonomy <see cref="OurTaxonomy"/>) are what residents
/// browse and filter by; Open Eligibility terms hang under them for lossless HSDS exchange.
/// </summary>
public sealed class TaxonomyTerm
{
    public const string OurTaxonomy = "aiddirectory";
    public const string OpenEligibility = "open-eligibility";

    /// <summary>A category slug (<c>food</c>) or an Open Eligibility id prefixed <c>oe-</c>.</summary>
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public required string Taxonomy { get; set; }
    public LocalizedText Names { get; set; } = LocalizedText.Empty;
    public LocalizedText Descriptions { get; set; } = LocalizedText.Empty;
    /// <summary>Words residents type for this term, per language (for search).</summary>
    public Dictionary<string, List<string>> Synonyms { get; set; } = [];
    public int SortOrder { get; set; }

    public List<Service> Services { get; } = [];

    public string NameIn(string language) => Names.For(language, "en")?.Text ?? Code;
}
