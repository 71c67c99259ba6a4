using AidDirectory.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.SubjectKind).HasMaxLength(32);
        e.Property(a => a.SubjectId).HasMaxLength(64);
        e.Property(a => a.Reason).HasMaxLength(AuditEntry.MaxReason);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.SubjectKind, a.SubjectId });
        e.HasIndex(a => a.ActorId);
    }
}
