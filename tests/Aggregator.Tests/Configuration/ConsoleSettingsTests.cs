using System.Net;
using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

/// <summary><c>settings.console</c>: a listener others can reach never goes without sign-in, and each mode has what it needs.</summary>
public sealed class ConsoleSettingsTests
{
    private const string Feed = "feeds:\n  - id: world\n    url: https://feeds.example.org/world.xml\n";

    private static ConfigLoadResult Load(string console)
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", Feed);
        dir.Write("settings.yaml", "settings:\n  console:\n" + console);
        return new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path);
    }

    private static IReadOnlyList<string> Errors(string console) =>
        [.. Load(console).Diagnostics.Where(d => d.IsError).Select(d => d.ToString()[(d.ToString().IndexOf("settings.yaml", StringComparison.Ordinal))..])];

    [Fact]
    public void The_console_is_off_unless_a_listener_is_set()
    {
        var console = new SettingsOptions().Console;
        console.Listen.ShouldBe(string.Empty);
        console.Auth.Mode.ShouldBe(ConsoleAuthMode.Token);
        console.ConfigWrites.ShouldBe(ConfigWrites.Patch);
        console.Archive.Keep.ShouldBe(TimeSpan.FromDays(7));
    }

    [Fact]
    public void Every_key_is_read()
    {
        var result = Load("""
                listen: "[::1]:9090"
                auth:
                  mode: proxy
                  proxy: { header: X-Forwarded-User, trustedNetworks: ["10.0.0.0/8", "::1/128"] }
                configWrites: direct
                archive: { keep: 0 }
            """);

        result.Diagnostics.ShouldBeEmpty();
        var console = result.Config!.Settings.Console;
        console.Listen.ShouldBe("[::1]:9090");
        console.Auth.Mode.ShouldBe(ConsoleAuthMode.Proxy);
        console.Auth.Proxy.Header.ShouldBe("X-Forwarded-User");
        console.Auth.Proxy.TrustedNetworks.ShouldBe([IPNetwork.Parse("10.0.0.0/8"), IPNetwork.Parse("::1/128")]);
        console.ConfigWrites.ShouldBe(ConfigWrites.Direct);
        console.Archive.Keep.ShouldBe(TimeSpan.Zero);
    }

    [Theory]
    [InlineData("    listen: \"0.0.0.0:8080\"\n    auth: { mode: none }\n", "settings.console.auth.mode none is allowed only on a loopback listener, not 0.0.0.0:8080")]
    [InlineData("    listen: \"8080\"\n", "invalid address '8080' for settings.console.listen: expected address:port")]
    [InlineData("    listen: \"example.org:8080\"\n", "invalid address 'example.org:8080' for settings.console.listen")]
    [InlineData("    listen: \"127.0.0.1:70000\"\n", "invalid address '127.0.0.1:70000'")]
    [InlineData("    listen: \"127.0.0.1:8080\"\n    auth: { mode: proxy }\n", "settings.console.auth.mode proxy needs settings.console.auth.proxy.trustedNetworks")]
    [InlineData("    listen: \"127.0.0.1:8080\"\n    auth: { mode: oidc, oidc: { authority: \"https://id.example.org\", clientId: a } }\n", "settings.console.auth.mode oidc needs settings.console.auth.oidc.allow")]
    [InlineData("    listen: \"127.0.0.1:8080\"\n    auth: { mode: oidc, oidc: { allow: [\"group:ops\"] } }\n", "settings.console.auth.mode oidc needs settings.console.auth.oidc.authority and clientId")]
    [InlineData("    auth: { oidc: { allow: [\"ops\"] } }\n", "invalid entry 'ops' in settings.console.auth.oidc.allow: expected email:ADDRESS or group:NAME")]
    [InlineData("    auth: { mode: basic }\n", "settings.console.auth.mode")]
    [InlineData("    auth: { oidc: { authority: \"http://id.example.org\" } }\n", "expected the identity provider's https URL (http only on a loopback address)")]
    [InlineData("    auth: { tokens: x }\n", "unknown key 'tokens' in settings.console.auth")]
    [InlineData("    archive: { keep: 10m }\n", "settings.console.archive.keep must be from 1h to 365d, not '10m'")]
    public void Mistakes_are_errors_at_their_position(string console, string error)
    {
        var errors = Errors(console);
        errors.ShouldHaveSingleItem().ShouldContain(error);
        errors[0].ShouldStartWith("settings.yaml:");
    }

    [Theory]
    [InlineData("127.0.0.1:8080", true)]
    [InlineData("localhost:8080", true)]
    [InlineData("[::1]:8080", true)]
    [InlineData("0.0.0.0:8080", false)]
    [InlineData("::1:8080", null)]
    [InlineData("127.0.0.1:0", true)]
    public void A_listener_is_an_address_and_a_port(string text, bool? loopback)
    {
        var parsed = ConsoleListen.TryParse(text, out var endpoint);
        parsed.ShouldBe(loopback is not null);
        if (loopback is { } expected) IPAddress.IsLoopback(endpoint!.Address).ShouldBe(expected);
    }
}
