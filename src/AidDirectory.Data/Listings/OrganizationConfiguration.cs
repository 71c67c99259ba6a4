using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.Property(o => o.Id).ValueGeneratedNever();
        e.Property(o => o.Name).HasMaxLength(300);
        e.Property(o => o.Website).HasMaxLength(500);
        e.Property(o => o.Email).HasMaxLength(254);
        e.Property(o => o.Version).IsConcurrencyToken();
        e.HasMany(o => o.Services).WithOne(s => s.Organization).HasForeignKey(s => s.OrganizationId);
    }
}
