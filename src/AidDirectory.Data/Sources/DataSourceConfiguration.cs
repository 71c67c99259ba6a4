using AidDirectory.Core.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Sources;

internal sealed class DataSourceConfiguration : IEntityTypeConfiguration<DataSource>
{
    public void Configure(EntityTypeBuilder<DataSource> e)
    {
        e.HasKey(s => s.Key);
        e.Property(s => s.Key).HasMaxLength(64);
        e.Property(s => s.Title).HasMaxLength(300);
        e.Property(s => s.Publisher).HasMaxLength(300);
        e.Property(s => s.Dataset).HasMaxLength(100);
        e.Property(s => s.Portal).HasMaxLength(200);
    }
}
