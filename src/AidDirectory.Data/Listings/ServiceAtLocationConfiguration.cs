using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class ServiceAtLocationConfiguration : IEntityTypeConfiguration<ServiceAtLocation>
{
    public void Configure(EntityTypeBuilder<ServiceAtLocation> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.HasOne(s => s.Location).WithMany().HasForeignKey(s => s.LocationId);
        e.HasIndex(s => new { s.ServiceId, s.LocationId }).IsUnique();
    }
}
