using Aggregator.Storage;
using Aggregator.Status;

namespace Aggregator.Tests.Status;

public sealed class StatusTextTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_row_is_one_line_whatever_its_errors_and_queries_hold()
    {
        var report = new StatusReport(Now,
            [new FeedStatus("world", "https://example.org/feed", Now, "failed", 500, "HTTP 500 oops\r\nfake: row\u2028\u001B[2J", 1, null, 0, null, false, null)],
            [new RuleStatus("troops", "troops\nAND border", 0, null)],
            [new SubscriberStatus("desk", 0, 0, 1, 0, null, "550 no\nsuch user\u0085", [], [])],
            ConfigChangeCounts.None, []);
        using var output = new StringWriter();

        StatusText.Write(report, output);

        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        lines.Count.ShouldBe(6, output.ToString());
        lines.ShouldContain(l => l.StartsWith("world ", StringComparison.Ordinal) && l.EndsWith(@"HTTP 500 oops\r\nfake: row\u2028\u001B[2J", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("troops ", StringComparison.Ordinal) && l.EndsWith(@"troops\nAND border", StringComparison.Ordinal));
        lines.ShouldContain(l => l.StartsWith("desk ", StringComparison.Ordinal) && l.EndsWith(@"last error: 550 no\nsuch user\u0085", StringComparison.Ordinal));
        output.ToString().ShouldNotContain("\u001B");
    }
}
