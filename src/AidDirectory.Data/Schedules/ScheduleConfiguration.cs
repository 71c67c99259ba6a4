using AidDirectory.Core.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Schedules;

internal sealed class ScheduleConfiguration : IEntityTypeConfiguration<Schedule>
{
    public void Configure(EntityTypeBuilder<Schedule> e)
    {
        e.Property(s => s.Id).ValueGeneratedNever();
        e.Property(s => s.Description).HasMaxLength(300);
    }
}
