using AidDirectory.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Places;

internal sealed class CommunityAreaConfiguration : IEntityTypeConfiguration<CommunityArea>
{
    public void Configure(EntityTypeBuilder<CommunityArea> e)
    {
        e.HasKey(a => a.Number);
        e.Property(a => a.Number).ValueGeneratedNever();
        e.Property(a => a.Name).HasMaxLength(100);
        e.Property(a => a.Slug).HasMaxLength(100);
        e.HasIndex(a => a.Slug).IsUnique();
    }
}
