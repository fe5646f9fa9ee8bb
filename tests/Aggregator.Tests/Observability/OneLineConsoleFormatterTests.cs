using Aggregator.Observability;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Aggregator.Tests.Observability;

public sealed class OneLineConsoleFormatterTests
{
    [Fact]
    public void A_message_and_exception_with_line_breaks_and_control_characters_are_one_escaped_line()
    {
        var line = Write(new OneLineConsoleFormatter.Options(), LogLevel.Warning,
            "Poll of world failed: not a feed\nfail: forged line\r\u2028\u001B[2K", new InvalidOperationException("inner\nmessage"));

        line.Count(c => c == '\n').ShouldBe(1, line);
        line.ShouldEndWith("\n");
        line.ShouldMatch(@"^\d\d:\d\d:\d\d warn: Aggregator\.Pipeline\.FeedPoller\[0\] ");
        line.ShouldContain(@"not a feed\nfail: forged line\r\u2028\u001B[2K System.InvalidOperationException: inner\nmessage");
        line.ShouldNotContain("\r");
        line.ShouldNotContain("\u2028");
        line.ShouldNotContain("\u001B");
    }

    [Fact]
    public void Under_systemd_the_line_starts_with_the_syslog_priority()
    {
        var line = Write(new OneLineConsoleFormatter.Options { Systemd = true }, LogLevel.Error, "a\nb", null);

        line.ShouldBe("<3>Aggregator.Pipeline.FeedPoller[0] a\\nb\n");
    }

    private static string Write(OneLineConsoleFormatter.Options options, LogLevel level, string message, Exception? exception)
    {
        var formatter = new OneLineConsoleFormatter(new FixedOptions(options));
        using var output = new StringWriter();
        formatter.Write(new LogEntry<string>(level, "Aggregator.Pipeline.FeedPoller", new EventId(0), message, exception, (s, _) => s), null, output);
        return output.ToString();
    }

    private sealed class FixedOptions(OneLineConsoleFormatter.Options value) : IOptionsMonitor<OneLineConsoleFormatter.Options>
    {
        public OneLineConsoleFormatter.Options CurrentValue => value;

        public OneLineConsoleFormatter.Options Get(string? name) => value;

        public IDisposable? OnChange(Action<OneLineConsoleFormatter.Options, string?> listener) => null;
    }
}
