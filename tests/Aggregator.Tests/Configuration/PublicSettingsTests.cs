using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

public sealed class PublicSettingsTests
{
    [Fact]
    public void Public_pages_are_read_with_their_secret_and_address()
    {
        using var dir = new TempConfigDirectory();
        dir.Environment["AGGREGATOR_LINK_SECRET"] = "k9Qe1vN4xWb7Zr2Lm5Tc8Yp3Hs6Jd0Fa";
        dir.Write("settings.yaml", """
            settings:
              public:
                baseUrl: https://alerts.example.org/
                listen: "127.0.0.1:8081"
                linkSecret: ${AGGREGATOR_LINK_SECRET}
                unsubscribeAddress: unsubscribe@example.org
            """);

        var result = dir.Load();

        dir.Lines(result).ShouldBeEmpty();
        var options = result.Config.ShouldNotBeNull().Settings.Public;
        options.ShouldBe(new PublicOptions
        {
            BaseUrl = "https://alerts.example.org",
            Listen = "127.0.0.1:8081",
            LinkSecret = "k9Qe1vN4xWb7Zr2Lm5Tc8Yp3Hs6Jd0Fa",
            UnsubscribeAddress = "unsubscribe@example.org",
        });
        options.Enabled.ShouldBeTrue();
    }

    [Theory]
    [InlineData("baseUrl: http://alerts.example.org", "settings.yaml:3:14: error: invalid URL 'http://alerts.example.org' for settings.public.baseUrl: expected the https address subscribers reach (http only on a loopback address), or \"\" for off")]
    [InlineData("linkSecret: short-secret", "settings.yaml:3:17: error: settings.public.linkSecret is 12 bytes; it needs at least 32 random bytes (e.g. openssl rand -base64 48)")]
    [InlineData("baseUrl: https://alerts.example.org", "settings.yaml:3:5: error: settings.public.baseUrl needs settings.public.linkSecret: at least 32 random bytes, e.g. ${AGGREGATOR_LINK_SECRET}")]
    [InlineData("listen: somewhere", "settings.yaml:3:13: error: invalid address 'somewhere' for settings.public.listen: expected address:port, e.g. 127.0.0.1:8081, or \"\" for off")]
    public void A_weak_secret_or_a_bad_address_is_refused_at_its_position(string line, string expected)
    {
        using var dir = new TempConfigDirectory();
        dir.Write("settings.yaml", $"settings:\n  public:\n    {line}\n");

        var result = dir.Load();

        result.Config.ShouldBeNull();
        dir.Lines(result).ShouldBe([expected]);
        expected.ShouldNotContain("short-secret", Case.Sensitive, "a secret is never echoed");
    }

    [Fact]
    public void A_mail_server_without_public_pages_is_a_warning()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("settings.yaml", "settings:\n  smtp:\n    host: smtp.example.org\n");

        var result = dir.Load();

        result.Config.ShouldNotBeNull();
        dir.Lines(result).ShouldBe(["settings.yaml:3:5: warning: settings.smtp.host is set without settings.public.baseUrl: mail goes out with no one-click unsubscribe (Gmail and Yahoo require it of bulk senders)"]);
    }
}
