using AidDirectory.Core.Accounts;
using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Accounts;

internal sealed class DirectoryUserConfiguration : IEntityTypeConfiguration<DirectoryUser>
{
    public void Configure(EntityTypeBuilder<DirectoryUser> e)
    {
        e.Property(u => u.DisplayName).HasMaxLength(200);
        e.Property(u => u.SetupTokenHash).HasMaxLength(64);
        e.HasIndex(u => u.SetupTokenHash);
    }
}

internal sealed class OrganizationMemberConfiguration : IEntityTypeConfiguration<OrganizationMember>
{
    public void Configure(EntityTypeBuilder<OrganizationMember> e)
    {
        e.HasKey(m => new { m.UserId, m.OrganizationId });
        e.HasOne<DirectoryUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => m.OrganizationId);
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> e)
    {
        e.Property(n => n.Id).ValueGeneratedNever();
        e.Property(n => n.Subject).HasMaxLength(Notification.MaxSubject);
        e.Property(n => n.Body).HasMaxLength(4000);
        e.Property(n => n.LastError).HasMaxLength(1000);
        e.Property(n => n.Version).IsConcurrencyToken();
        e.HasOne<DirectoryUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(n => new { n.UserId, n.CreatedAt });
        e.HasIndex(n => n.SentAt);
    }
}
