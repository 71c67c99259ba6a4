using AidDirectory.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Moderation;

internal sealed class SpentReportTokenConfiguration : IEntityTypeConfiguration<SpentReportToken>
{
    public void Configure(EntityTypeBuilder<SpentReportToken> e)
    {
        // The primary key is what refuses a second report from one form, whichever web process receives it.
        e.HasKey(t => t.Nonce);
        e.Property(t => t.Nonce).ValueGeneratedNever();
        e.HasIndex(t => t.SpentAt);
    }
}
