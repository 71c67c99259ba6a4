using AidDirectory.Core.Locations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Locations;

internal sealed class LocationConfiguration : IEntityTypeConfiguration<Location>
{
    public void Configure(EntityTypeBuilder<Location> e)
    {
        e.Property(l => l.Id).ValueGeneratedNever();
        e.Property(l => l.Name).HasMaxLength(300);
        e.Property(l => l.Address1).HasMaxLength(300);
        e.Property(l => l.Address2).HasMaxLength(300);
        e.Property(l => l.City).HasMaxLength(100);
        e.Property(l => l.StateProvince).HasMaxLength(50);
        e.Property(l => l.PostalCode).HasMaxLength(10);
        e.Property(l => l.Country).HasMaxLength(2);
        e.Property(l => l.Version).IsConcurrencyToken();
        e.HasIndex(l => l.CommunityAreaNumber);
    }
}
