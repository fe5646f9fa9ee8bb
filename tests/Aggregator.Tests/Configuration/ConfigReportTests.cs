using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

public sealed class ConfigReportTests
{
    private static readonly AggregatorConfig Config = new() { Directory = "/etc/aggregator" };

    [Fact]
    public void Formats_errors_and_warnings_like_a_compiler()
    {
        ConfigDiagnostic[] diagnostics =
        [
            new("config/feeds.yaml", 12, 5, ConfigSeverity.Error, "unknown key 'evry' in feed 'world'"),
            new("config/feeds.yaml", 14, 12, ConfigSeverity.Warning, "below minEvery"),
            new("config", 0, 0, ConfigSeverity.Error, "config directory not found"),
        ];

        ConfigReport.Lines(diagnostics).ShouldBe([
            "config/feeds.yaml:12:5: error: unknown key 'evry' in feed 'world'",
            "config/feeds.yaml:14:12: warning: below minEvery",
            "config: error: config directory not found",
        ]);
    }

    [Fact]
    public void Exit_code_is_0_when_valid_even_with_warnings_and_2_with_any_error()
    {
        var warning = new ConfigDiagnostic("a.yaml", 1, 1, ConfigSeverity.Warning, "w");
        var error = new ConfigDiagnostic("a.yaml", 1, 1, ConfigSeverity.Error, "e");

        ConfigReport.ExitCode(new(Config, [])).ShouldBe(0);
        ConfigReport.ExitCode(new(Config, [warning])).ShouldBe(0);
        ConfigReport.ExitCode(new(null, [warning, error])).ShouldBe(2);
        ConfigReport.ExitCode(new(null, [])).ShouldBe(2);
    }

    [Fact]
    public void Write_prints_every_line_and_returns_the_exit_code()
    {
        using var output = new StringWriter();
        var result = new ConfigLoadResult(null, [new("a.yaml", 3, 7, ConfigSeverity.Error, "bad")]);

        ConfigReport.Write(result, output).ShouldBe(2);

        output.ToString().ShouldBe("a.yaml:3:7: error: bad" + Environment.NewLine);
    }
}
