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
        Cidr.TryNormalize(text, out var network, out var error).ShouldBeTrue(error);
        network.ShouldBe(expected);
        System.Net.IPNetwork.Parse(network).ToString().ShouldBe(expected);
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
        Cidr.TryNormalize(text, out _, out var error).ShouldBeFalse();
        error.ShouldStartWith($"invalid network '{text}'");
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
