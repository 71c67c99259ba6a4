using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class PhoneConfiguration : IEntityTypeConfiguration<Phone>
{
    public void Configure(EntityTypeBuilder<Phone> e)
    {
        e.Property(p => p.Id).ValueGeneratedNever();
        e.Property(p => p.Number).HasMaxLength(20);
        e.Property(p => p.Extension).HasMaxLength(40);
        e.Property(p => p.Description).HasMaxLength(200);
    }
}
