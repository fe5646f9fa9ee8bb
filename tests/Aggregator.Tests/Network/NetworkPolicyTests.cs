using System.Net;
using Aggregator.Configuration;
using Aggregator.Network;

namespace Aggregator.Tests.Network;

public sealed class NetworkPolicyTests
{
    private static readonly NetworkPolicy Default = new(new NetworkOptions());

    [Theory]
    [InlineData("127.0.0.1", "a loopback address")]
    [InlineData("127.255.255.254", "a loopback address")]
    [InlineData("0.0.0.0", "an unspecified (0.0.0.0/8) address")]
    [InlineData("0.1.2.3", "an unspecified (0.0.0.0/8) address")]
    [InlineData("10.0.0.1", "a private address")]
    [InlineData("172.16.0.1", "a private address")]
    [InlineData("172.31.255.255", "a private address")]
    [InlineData("192.168.1.1", "a private address")]
    [InlineData("169.254.169.254", "a link-local address")]
    [InlineData("100.64.0.1", "a shared (CGNAT) address")]
    [InlineData("100.127.255.255", "a shared (CGNAT) address")]
    [InlineData("224.0.0.1", "a multicast address")]
    [InlineData("239.255.255.250", "a multicast address")]
    [InlineData("255.255.255.255", "the broadcast address")]
    [InlineData("240.0.0.1", "a reserved address")]
    [InlineData("::1", "a loopback address")]
    [InlineData("::", "the unspecified address")]
    [InlineData("fe80::1", "a link-local address")]
    [InlineData("febf::1", "a link-local address")]
    [InlineData("fc00::1", "a unique-local address")]
    [InlineData("fd12:3456::1", "a unique-local address")]
    [InlineData("ff02::1", "a multicast address")]
    [InlineData("::ffff:169.254.169.254", "a link-local address")]
    [InlineData("::ffff:127.0.0.1", "a loopback address")]
    [InlineData("::ffff:10.0.0.1", "a private address")]
    [InlineData("64:ff9b::a00:1", "a private address")]
    [InlineData("2002:a00:1::1", "a private address")]
    public void Non_public_addresses_are_refused_with_their_kind(string address, string kind)
    {
        Default.IsAllowed(IPAddress.Parse(address), out var refusal).ShouldBeFalse();
        refusal.ShouldBe($"refused: {IPAddress.Parse(address)} is {kind} (set network.allowedPrivateNetworks to allow it)");
    }

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("1.1.1.1")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("169.255.0.1")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("::ffff:8.8.8.8")]
    [InlineData("64:ff9b::808:808")]
    public void Public_addresses_are_allowed(string address) =>
        Default.IsAllowed(IPAddress.Parse(address)).ShouldBeTrue();

    [Fact]
    public void Allow_private_networks_lets_everything_through()
    {
        var open = new NetworkPolicy(new NetworkOptions { AllowPrivateNetworks = true });
        open.IsAllowed(IPAddress.Loopback).ShouldBeTrue();
        open.IsAllowed(IPAddress.Parse("169.254.169.254")).ShouldBeTrue();
    }

    [Fact]
    public void Allowed_networks_let_only_their_ranges_through()
    {
        var policy = new NetworkPolicy(new NetworkOptions { AllowedPrivateNetworks = [IPNetwork.Parse("10.1.0.0/16"), IPNetwork.Parse("fd00:1::/32"), IPNetwork.Parse("127.0.0.2/32")] });
        policy.IsAllowed(IPAddress.Parse("10.1.2.3")).ShouldBeTrue();
        policy.IsAllowed(IPAddress.Parse("::ffff:10.1.2.3")).ShouldBeTrue();
        policy.IsAllowed(IPAddress.Parse("10.2.0.1")).ShouldBeFalse();
        policy.IsAllowed(IPAddress.Parse("fd00:1::5")).ShouldBeTrue();
        policy.IsAllowed(IPAddress.Parse("fd00:2::5")).ShouldBeFalse();
        policy.IsAllowed(IPAddress.Parse("127.0.0.2")).ShouldBeTrue();
        policy.IsAllowed(IPAddress.Parse("127.0.0.1")).ShouldBeFalse();
    }
}
