using AidDirectory.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Moderation;

internal sealed class ReportKeyConfiguration : IEntityTypeConfiguration<ReportKey>
{
    public void Configure(EntityTypeBuilder<ReportKey> e)
    {
        // The period's first day is the key: two web processes making the same period's key cannot both save it.
        e.HasKey(k => k.StartDay);
        e.Property(k => k.StartDay).ValueGeneratedNever();
        e.Property(k => k.Secret).HasMaxLength(ReportKey.SecretLength);
    }
}
