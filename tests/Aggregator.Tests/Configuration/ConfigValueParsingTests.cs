using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

public sealed class ConfigValueParsingTests
{
    [Theory]
    [InlineData("1024", 1024L)]
    [InlineData("512KiB", 512L * 1024)]
    [InlineData("15MiB", 15L * 1024 * 1024)]
    [InlineData("1GiB", 1024L * 1024 * 1024)]
    [InlineData("1.5MiB", 1536L * 1024)]
    [InlineData("100B", 100L)]
    public void Parses_sizes(string text, long bytes)
    {
        Sizes.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(bytes);
    }

    [Theory]
    [InlineData("15MB")]
    [InlineData("MiB")]
    [InlineData("-1")]
    [InlineData("1.5")]
    [InlineData("99999999999GiB")]
    [InlineData("")]
    public void Rejects_bad_sizes(string text) => Sizes.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1/32")]
    [InlineData("10.0.0.0/8", "10.0.0.0/8")]
    [InlineData("0.0.0.0/0", "0.0.0.0/0")]
    [InlineData("::1", "::1/128")]
    [InlineData("fd00::/8", "fd00::/8")]
    public void Normalises_networks(string text, string expected)
    {
        Cidr.TryParse(text, out var network, out var error).ShouldBeTrue(error);
        network.ToString().ShouldBe(expected);
        network.ShouldBe(System.Net.IPNetwork.Parse(expected));
    }

    [Theory]
    [InlineData("10.0.0.0/33")]
    [InlineData("10.0.0.0/-1")]
    [InlineData("10.0.0.0/")]
    [InlineData("example.org/8")]
    [InlineData("fd00::1/8")]
    [InlineData("fe80::1%eth0")]
    public void Rejects_bad_networks(string text)
    {
        Cidr.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldStartWith($"invalid network '{text}'");
    }

    [Theory]
    [InlineData("10.0.0.0/33", "invalid network '10.0.0.0/33': the prefix length must be a number from 0 to 32")]
    [InlineData("fd00::/129", "invalid network 'fd00::/129': the prefix length must be a number from 0 to 128")]
    [InlineData("10.0.0.0/", "invalid network '10.0.0.0/': the prefix length must be a number from 0 to 32")]
    [InlineData("10.0.0.0/-1", "invalid network '10.0.0.0/-1': the prefix length must be a number from 0 to 32")]
    [InlineData("10.0.0.1/8", "invalid network '10.0.0.1/8': address bits are set beyond the prefix; did you mean '10.0.0.0/8'?")]
    [InlineData("localhost", "invalid network 'localhost': 'localhost' is not an IP address")]
    [InlineData("", "invalid network '': '' is not an IP address")]
    [InlineData("300.1.1.1/8", "invalid network '300.1.1.1/8': '300.1.1.1' is not an IP address")]
    public void Invalid_networks_give_a_one_line_error(string text, string expected)
    {
        Cidr.TryParse(text, out _, out var error).ShouldBeFalse();
        error.ShouldBe(expected);
    }

    [Theory]
    [InlineData("timout", "timeout")]
    [InlineData("MaxRedirects", "maxRedirects")]
    [InlineData("defaultevery", "defaultEvery")]
    [InlineData("colour", null)]
    public void Suggests_close_keys(string typed, string? expected) =>
        KeySuggestion.Closest(typed, ["timeout", "maxRedirects", "defaultEvery", "minEvery"]).ShouldBe(expected);

    [Theory]
    [InlineData("ops@example.org", true)]
    [InlineData("Ops Team <ops@example.org>", true)]
    [InlineData("ops", false)]
    [InlineData("ops@", false)]
    [InlineData("ops at example.org", false)]
    public void Checks_email_addresses(string text, bool valid) => MailAddresses.IsValid(text).ShouldBe(valid);
}
