using AidDirectory.Core.Moderation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Moderation;

internal sealed class SubmissionConfiguration : IEntityTypeConfiguration<Submission>
{
    public void Configure(EntityTypeBuilder<Submission> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.State).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.ReportReason).HasConversion<string>().HasMaxLength(32);
        e.Property(s => s.Title).HasMaxLength(Submission.MaxTitle);
        e.Property(s => s.ContactName).HasMaxLength(200);
        e.Property(s => s.ContactEmail).HasMaxLength(254);
        e.Property(s => s.ContactPhone).HasMaxLength(32);
        e.Property(s => s.ModeratorMessage).HasMaxLength(SubmissionRules.MaxMessageLength);
        e.Property(s => s.Version).IsConcurrencyToken();
        // The queue: pending items oldest first, by kind and by neighbourhood.
        e.HasIndex(s => new { s.State, s.SubmittedAt });
        e.HasIndex(s => s.OrganizationId);
        e.HasIndex(s => s.SubmittedById);
        e.HasIndex(s => s.ServiceId);
        // Finding the tags of a report key, to wipe them and then delete the key.
        e.HasIndex(s => s.ReporterKeyDay);
        // One pending stale-listing item per listing, even when several web processes sweep at once.
        e.HasIndex(s => s.ServiceId).HasDatabaseName("IX_Submissions_OnePendingStaleItem").IsUnique()
            .HasFilter("\"Kind\" = 'StaleListing' AND \"State\" = 'Pending'");
    }
}
