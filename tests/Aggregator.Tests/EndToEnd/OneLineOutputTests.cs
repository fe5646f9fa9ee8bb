using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// An error built from a page's content (here the feed link an HTML page advertises, with an encoded line
/// break and a bidi override in it) stays on its one line in <c>parse</c>, in <c>status</c> and in the log.
/// </summary>
public sealed class OneLineOutputTests
{
    private const string Page = """
        <!DOCTYPE html><html><head>
        <link rel="alternate" type="application/rss+xml" href="https://example.org/feed.xml&#10;fail: forged line&#x202E;">
        </head><body>Hi</body></html>
        """;

    [Fact]
    public async Task A_feed_error_with_a_line_break_is_one_escaped_line_in_parse_status_and_the_log()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        work.Write("config/page.html", Page);
        work.Write("config/aggregator.yaml", """
            settings:
              polling:
                minEvery: 1s
            feeds:
              - id: page
                url: page.html
                every: 1s
            """);

        var parse = await AggregatorProcess.RunAsync(work.Path, null, ct, "parse", "--config", "config", work.Combine("config", "page.html"));

        parse.ExitCode.ShouldBe(3);
        Lines(parse.Stderr).ShouldHaveSingleItem().ShouldEndWith(@"advertises a feed at https://example.org/feed.xml\nfail: forged line\u202E");

        string log;
        using (var worker = AggregatorProcess.Start(work.Path, null, "run", "--config", "config"))
        {
            (await worker.WaitForOutputAsync("Poll of page failed", TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
            worker.Terminate();
            (await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();
            log = worker.StandardOutput + worker.StandardError;
        }
        var status = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--config", "config");

        status.ExitCode.ShouldBe(0, status.Stderr);
        Lines(status.Stdout).ShouldContain(l => l.StartsWith("page ", StringComparison.Ordinal) && l.EndsWith(@"feed.xml\nfail: forged line\u202E", StringComparison.Ordinal));
        foreach (var output in new[] { parse.Stderr, log, status.Stdout })
        {
            Lines(output).ShouldNotContain(l => l.StartsWith("fail: forged", StringComparison.Ordinal), output);
            output.ShouldNotContain("\u202E");
        }
        Lines(log).ShouldContain(l => l.Contains("warn: ", StringComparison.Ordinal) && l.Contains(@"feed.xml\nfail: forged line\u202E", StringComparison.Ordinal));
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
