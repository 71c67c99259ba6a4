using System.Net;
using AidDirectory.Web.Features.Shared;

namespace AidDirectory.Web.Tests.Shared;

public sealed class NetworkPrefixTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.250")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:fffe")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.9")]
    public void Addresses_in_one_household_sized_network_share_a_prefix(string one, string other) =>
        Assert.Equal(NetworkPrefix.Of(IPAddress.Parse(one)), NetworkPrefix.Of(IPAddress.Parse(other)));

    [Theory]
    [InlineData("203.0.113.7", "203.0.114.7")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1")]
    [InlineData("0.0.0.1", "::1")]
    public void Addresses_in_different_networks_do_not(string one, string other) =>
        Assert.NotEqual(NetworkPrefix.Of(IPAddress.Parse(one)), NetworkPrefix.Of(IPAddress.Parse(other)));

    [Fact]
    public void The_prefix_keeps_no_more_of_the_address_than_the_network()
    {
        Assert.Equal([4, 203, 0, 113], NetworkPrefix.Of(IPAddress.Parse("203.0.113.7")));
        Assert.Equal(9, NetworkPrefix.Of(IPAddress.Parse("2001:db8::1")).Length);
    }
}
