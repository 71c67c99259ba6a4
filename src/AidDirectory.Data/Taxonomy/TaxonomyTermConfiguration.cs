using AidDirectory.Core.Taxonomy;
using AidDirectory.Data.Conventions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Taxonomy;

internal sealed class TaxonomyTermConfiguration : IEntityTypeConfiguration<TaxonomyTerm>
{
    public void Configure(EntityTypeBuilder<TaxonomyTerm> e)
    {
        e.HasKey(t => t.Code);
        e.Property(t => t.Code).HasMaxLength(64);
        e.Property(t => t.ParentCode).HasMaxLength(64);
        e.Property(t => t.Taxonomy).HasMaxLength(32);
        e.Property(t => t.Synonyms).HasConversion<JsonConverter<Dictionary<string, List<string>>>, JsonComparer<Dictionary<string, List<string>>>>();
        e.HasIndex(t => new { t.Taxonomy, t.SortOrder });
    }
}
