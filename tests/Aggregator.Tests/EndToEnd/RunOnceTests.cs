using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// <c>run --once</c> through the real executable, as a timer runs it: every feed polled, what is due delivered, exit 0;
/// the next pass sends only what is new, and what could not go out waits for it.
/// </summary>
public sealed class RunOnceTests
{
    [Fact]
    public async Task Each_pass_polls_every_feed_delivers_only_what_is_new_and_exits()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var world = new FeedServer("World Desk");
        await using var europe = new FeedServer("Europe Desk");
        world.AddItem("w-1", "Troops cross the border", "Units were seen at the crossing.");
        world.AddItem("w-2", "Border troops withdraw", "The units left overnight.");
        europe.AddItem("e-1", "Troops gather at the eastern border", "Satellite images show them.");
        europe.AddItem("e-2", "Markets rally", "Shares rose.");
        work.Write("config/aggregator.yaml", Config(world, europe, smtp: ""));
        var pickup = work.Combine("data", "mail");

        var first = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");

        first.ExitCode.ShouldBe(0, first.Stdout + first.Stderr);
        (first.Stdout + first.Stderr).ShouldContain("Polled 2 feeds once; 3 deliveries handled");
        Directory.GetFiles(pickup, "*.eml").Length.ShouldBe(3);
        (world.Requests, europe.Requests).ShouldBe((1, 1));

        var second = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");

        second.ExitCode.ShouldBe(0, second.Stdout + second.Stderr);
        Directory.GetFiles(pickup, "*.eml").Length.ShouldBe(3, "nothing changed, nothing sent");
        (world.NotModifiedAnswers, europe.NotModifiedAnswers).ShouldBe((1, 1), "the second pass asks conditionally");

        world.AddItem("w-3", "Troops return to the border", "A second deployment.");
        var third = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");

        third.ExitCode.ShouldBe(0, third.Stdout + third.Stderr);
        var mails = Directory.GetFiles(pickup, "*.eml");
        mails.Length.ShouldBe(4);
        mails.Count(m => File.ReadAllText(m).Contains("Troops return to the border", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task An_alert_that_could_not_be_sent_waits_for_the_next_pass_which_sends_it_once()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var world = new FeedServer("World Desk");
        await using var europe = new FeedServer("Europe Desk");
        world.AddItem("w-1", "Troops cross the border", "Units were seen at the crossing.");
        var smtpPort = FreePort.Next();
        work.Write("config/aggregator.yaml", Config(world, europe, smtp: $$"""
              smtp: { host: 127.0.0.1, port: {{smtpPort}}, security: none, from: "Alerts <alerts@example.org>" }
              delivery: { retryInitial: 1s, retryMax: 2s }
            """));

        var outage = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");

        outage.ExitCode.ShouldBe(0, outage.Stdout + outage.Stderr);
        var queued = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--json", "--config", "config");
        queued.Stdout.ShouldContain("\"queued\":1", Case.Sensitive, queued.Stdout);

        await using var smtp = new SmtpTestServer(smtpPort);
        // The retry is due a second after the failed attempt.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var retried = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");
        var again = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");

        (retried.ExitCode, again.ExitCode).ShouldBe((0, 0), retried.Stderr + again.Stderr);
        smtp.Messages.Count.ShouldBe(1);
        smtp.Messages.Single().Message.Subject.ShouldBe("[troops] Troops cross the border");
        world.Requests.ShouldBe(3);
    }

    [Fact]
    public async Task A_clustered_config_is_refused_with_exit_2()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var world = new FeedServer("World Desk");
        await using var europe = new FeedServer("Europe Desk");
        work.Write("config/aggregator.yaml", Config(world, europe, smtp: """
              storage: { provider: postgres, connectionString: "Host=127.0.0.1;Database=state;Username=aggregator" }
              scheduler: { clustered: true }
            """));

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--once", "--config", "config");

        code.ShouldBe(2, stdout + stderr);
        stderr.ShouldBe("error: run --once polls every feed itself, so it cannot share a cluster's schedule (scheduler.clustered: true)\n");
        (world.Requests, europe.Requests).ShouldBe((0, 0));
    }

    private static string Config(FeedServer world, FeedServer europe, string smtp) => $"""
        settings:
          polling:
            minEvery: 1s
            timeout: 5s
          network:
            allowedPrivateNetworks: ["127.0.0.0/8"]
        {smtp}
        feeds:
          - id: world
            url: {world.FeedUrl}
            every: 1h
            firstPoll: notify
          - id: europe
            url: {europe.FeedUrl}
            every: 1h
            firstPoll: notify
        rules:
          - id: troops
            query: troops AND border
            notify: [desk]
        subscribers:
          - id: desk
            email: [desk@example.org]
        """;
}
