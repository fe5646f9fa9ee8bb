using System.Diagnostics;
using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

/// <summary>
/// A config directory can hold a symbolic link to anything, or a file that is not config at all: the link is
/// followed to a regular file only, and an error quotes a short one-line excerpt of the content, never the file.
/// </summary>
public sealed class ConfigFileSafetyTests
{
    private const string KeyFile = """
        -----BEGIN OPENSSH PRIVATE KEY-----
        b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
        QyNTUxOQAAACD0t8eCX9LBbBPUCqxAnWqYqr5TQU1HW2XbMFmgqGF9CQAAAJhUuKJ7SECRET
        -----END OPENSSH PRIVATE KEY-----
        """;

    [Fact]
    public void A_symlink_to_a_file_that_is_not_yaml_config_gives_one_short_error_without_its_content()
    {
        using var dir = new TempConfigDirectory();
        using var outside = new TempConfigDirectory();
        outside.Write("id_ed25519", KeyFile);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "feeds.yaml"), Path.Combine(outside.Path, "id_ed25519"));

        var lines = dir.LoadLines();

        var line = lines.ShouldHaveSingleItem();
        line.ShouldStartWith("feeds.yaml:1:1: error: expected a mapping (key: value) for the top level of a config file, found '-----BEGIN OPENSSH");
        line.ShouldEndWith("…'");
        line.Length.ShouldBeLessThan(150);
        line.ShouldNotContain("SECRET");
        line.ShouldNotContain("END OPENSSH");
    }

    [Fact]
    public void A_long_or_multi_line_value_is_quoted_as_a_short_escaped_excerpt()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("settings.yaml", """
            settings:
              polling:
                timeout: "soon\nfail: forged line, and then a great deal more text that should never be echoed back"
            """);

        var line = dir.LoadLines().ShouldHaveSingleItem();

        line.ShouldBe(@"settings.yaml:3:14: error: invalid duration 'soon\nfail: forged line, and then a gre…' for settings.polling.timeout: expected a number followed by ms, s, m, h or d (e.g. 30s, 5m, 2h)");
    }

    [Fact]
    public void A_url_quoted_in_an_error_has_its_credentials_redacted()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("subscribers.yaml", """
            subscribers:
              - id: hook
                webhook:
                  url: "https://poster:hunter2@"
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
            """);

        var line = dir.LoadLines().ShouldHaveSingleItem();

        line.ShouldContain("invalid URL 'https://poster:***@'");
        line.ShouldNotContain("hunter2");
    }

    [Fact]
    public async Task A_symlink_is_followed_to_a_regular_file_and_never_to_a_device_a_fifo_nowhere_or_round_in_a_loop()
    {
        using var dir = new TempConfigDirectory();
        using var outside = new TempConfigDirectory();
        outside.Write("feeds.yml", "feeds:\n  - id: world\n    url: https://example.org/feed.xml\n");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "a.yaml"), Path.Combine(outside.Path, "feeds.yml"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "b.yaml"), "/dev/zero");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "c.yaml"), Path.Combine(outside.Path, "missing.yaml"));
        if (OperatingSystem.IsLinux()) Process.Start("mkfifo", Path.Combine(dir.Path, "d.yaml"))!.WaitForExit();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "e.yaml"), Path.Combine(dir.Path, "f.yml"));
        File.CreateSymbolicLink(Path.Combine(dir.Path, "f.yml"), Path.Combine(dir.Path, "e.yaml"));

        // Reading /dev/zero would never end and opening a FIFO would block: the load must simply finish.
        var lines = await Task.Run(dir.LoadLines, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        lines.ShouldContain("b.yaml: error: a symbolic link to /dev/zero, which is not a regular file");
        lines.ShouldContain($"c.yaml: error: a symbolic link to {Path.Combine(outside.Path, "missing.yaml")}, which does not exist");
        if (OperatingSystem.IsLinux()) lines.ShouldContain("d.yaml: error: the file is not a regular file");
        lines.ShouldContain(l => l.StartsWith("e.yaml: error: the symbolic link cannot be followed: ", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.StartsWith("a.yaml", StringComparison.Ordinal));
    }
}
