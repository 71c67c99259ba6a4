using AidDirectory.Core.Places;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Places;

internal sealed class ZipCodeConfiguration : IEntityTypeConfiguration<ZipCode>
{
    public void Configure(EntityTypeBuilder<ZipCode> e)
    {
        e.HasKey(z => z.Code);
        e.Property(z => z.Code).HasMaxLength(5);
    }
}
