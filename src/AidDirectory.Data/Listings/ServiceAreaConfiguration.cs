using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class ServiceAreaConfiguration : IEntityTypeConfiguration<ServiceArea>
{
    public void Configure(EntityTypeBuilder<ServiceArea> e)
    {
        e.Property(a => a.Id).ValueGeneratedNever();
        e.Property(a => a.Name).HasMaxLength(200);
        e.Property(a => a.Description).HasMaxLength(1000);
    }
}
