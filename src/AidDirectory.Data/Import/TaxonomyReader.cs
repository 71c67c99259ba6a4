using AidDirectory.Core.Taxonomy;
using AidDirectory.Core.Translations;
using CsvHelper;

namespace AidDirectory.Data.Import;

/// <summary>
/// taxonomy/: our categories (categories.json) and, when present, the Open Eligibility terms filed under
/// them (open_eligibility.csv).
/// </summary>
internal sealed class TaxonomyReader(DataFolder folder, ImportBatch batch)
{
    private const string Categories = "taxonomy/categories.json";
    private const string OpenEligibility = "taxonomy/open_eligibility.csv";

    public async Task ReadAsync(CancellationToken cancellationToken)
    {
        await ReadCategoriesAsync(cancellationToken);
        await ReadOpenEligibilityAsync(cancellationToken);
    }

    private async Task ReadCategoriesAsync(CancellationToken cancellationToken)
    {
        var categories = await folder.ReadJsonAsync<List<CategoryRecord>>(Categories, cancellationToken) ?? [];
        foreach (var (c, index) in categories.Select((c, i) => (c, i)))
        {
            if (string.IsNullOrWhiteSpace(c.Slug) || c.Names?.GetValueOrDefault("en") is null || c.Names.GetValueOrDefault("es") is null)
            {
                folder.Problem(Categories, 0, $"category #{index + 1} needs a slug and names in English and Spanish.");
                continue;
            }

            if (batch.Terms.Any(t => t.Code == c.Slug))
            {
                folder.Problem(Categories, 0, $"category \"{c.Slug}\" appears twice.");
                continue;
            }

            batch.Terms.Add(new TaxonomyTerm
            {
                Code = c.Slug,
                Taxonomy = TaxonomyTerm.OurTaxonomy,
                Names = new LocalizedText(c.Names),
                Descriptions = new LocalizedText(c.Descriptions ?? []),
                Synonyms = c.Synonyms ?? [],
                SortOrder = index,
            });
        }
    }

    private async Task ReadOpenEligibilityAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(folder.PathOf(OpenEligibility)))
        {
            return;
        }

        var known = batch.Terms.Select(t => t.Code).ToHashSet(StringComparer.Ordinal);
        var order = 1000;
        await foreach (var (row, line) in folder.ReadCsvAsync<OpenEligibilityRecord>(OpenEligibility, rowsSpanLines: true, cancellationToken))
        {
            if (string.IsNullOrEmpty(row.Id) || string.IsNullOrEmpty(row.NameEn) || row.Category is null || !known.Contains(row.Category))
            {
                folder.Problem(OpenEligibility, line, $"needs an id, a name_en and a known category (got \"{row.Category}\").");
                continue;
            }

            if (batch.Terms.Any(t => t.Code == "oe-" + row.Id))
            {
                folder.Problem(OpenEligibility, line, $"id {row.Id} appears twice.");
                continue;
            }

            batch.Terms.Add(new TaxonomyTerm
            {
                Code = "oe-" + row.Id,
                Taxonomy = TaxonomyTerm.OpenEligibility,
                ParentCode = string.IsNullOrEmpty(row.ParentId) ? row.Category : "oe-" + row.ParentId,
                Names = new LocalizedText(new Dictionary<string, string> { ["en"] = row.NameEn, ["es"] = row.NameEs ?? "" }),
                SortOrder = order++,
            });
        }
    }
}

/// <summary>A row of open_eligibility.csv. Every column may be missing: the row is then reported, not the file.</summary>
[CsvRecord]
internal sealed partial record OpenEligibilityRecord(
    [CsvColumn("id")] string? Id = null,
    [CsvColumn("parent_id")] string? ParentId = null,
    [CsvColumn("category")] string? Category = null,
    [CsvColumn("name_en")] string? NameEn = null,
    [CsvColumn("name_es")] string? NameEs = null);
