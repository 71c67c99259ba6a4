using AidDirectory.Core.Listings;
using AidDirectory.Core.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Name).HasMaxLength(300);
        e.Property(s => s.WrittenIn).HasMaxLength(8);
        e.Property(s => s.Url).HasMaxLength(500);
        e.Property(s => s.EligibilityDescription).HasMaxLength(2000);
        e.Property(s => s.Email).HasMaxLength(254);
        e.Property(s => s.StatusReason).HasMaxLength(500);
        e.Property(s => s.SourceKey).HasMaxLength(64);
        e.Property(s => s.SourceRecord).HasMaxLength(1000);
        e.Property(s => s.ExternalId).HasMaxLength(128);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.HasIndex(s => s.ExternalId).IsUnique();
        e.HasIndex(s => s.Name);
        e.HasIndex(s => s.PublishSequence);
        e.HasMany(s => s.Phones).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Schedules).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.ServiceAtLocations).WithOne().HasForeignKey(p => p.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.ServiceAreas).WithOne().HasForeignKey(a => a.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Contacts).WithOne().HasForeignKey(c => c.ServiceId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(s => s.Categories).WithMany(t => t.Services).UsingEntity("ServiceCategory",
            r => r.HasOne(typeof(TaxonomyTerm)).WithMany().HasForeignKey("TermCode"),
            l => l.HasOne(typeof(Service)).WithMany().HasForeignKey("ServiceId"));
    }
}
