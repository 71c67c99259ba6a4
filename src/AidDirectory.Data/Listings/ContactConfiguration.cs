using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.Property(c => c.Id).ValueGeneratedNever();
        e.Property(c => c.Name).HasMaxLength(200);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.Email).HasMaxLength(254);
        e.Property(c => c.Phone).HasMaxLength(20);
    }
}
