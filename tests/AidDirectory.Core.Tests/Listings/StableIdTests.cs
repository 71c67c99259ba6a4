using AidDirectory.Core.Listings;

namespace AidDirectory.Core.Tests.Listings;

public sealed class StableIdTests
{
    [Fact]
    public void The_same_source_row_always_gets_the_same_id_and_other_rows_do_not()
    {
        Assert.Equal(StableId.For("service", "cpl-0003"), StableId.For("service", "cpl-0003"));
        Assert.NotEqual(StableId.For("service", "cpl-0003"), StableId.For("service", "cpl-0004"));
        Assert.NotEqual(StableId.For("service", "cpl-0003"), StableId.For("location", "cpl-0003"));
    }

    [Fact]
    public void Ids_are_version_5_uuids() => Assert.Equal(5, StableId.For("service", "x").Version);
}
