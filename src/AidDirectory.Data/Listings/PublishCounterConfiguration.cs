using AidDirectory.Core.Listings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AidDirectory.Data.Listings;

internal sealed class PublishCounterConfiguration : IEntityTypeConfiguration<PublishCounter>
{
    public void Configure(EntityTypeBuilder<PublishCounter> e)
    {
        e.Property(c => c.Id).ValueGeneratedNever();
        e.HasData(new PublishCounter { Id = PublishCounter.SingletonId, Value = 0 });
    }
}
