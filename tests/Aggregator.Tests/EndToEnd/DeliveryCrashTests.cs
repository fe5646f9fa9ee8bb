using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// The worker as a child process, killed with SIGKILL at the two dangerous moments of a delivery.
/// Each alert arrives exactly once, or twice with the same id when the kill fell inside a send.
/// </summary>
public sealed class DeliveryCrashTests
{
    /// <summary>A short claim lease, so the restarted worker takes back its dead predecessor's claims quickly.</summary>
    private static readonly Dictionary<string, string> ShortLease = new() { ["AGGREGATOR_DELIVERY_LEASE"] = "2s" };

    [Fact]
    public async Task Killed_after_the_commit_with_the_SMTP_server_down_the_alert_is_sent_once_after_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var feed = new FeedServer();
        feed.AddItem("n-1", "Troops cross the border", "Units were seen at the crossing.");
        var smtpPort = FreePort.Next(); // nothing listens here yet: the server is down
        WriteConfig(work, feed, "desk", """
            subscribers:
              - id: desk
                email: [desk@example.org]
            """, smtpPort);

        using (var worker = AggregatorProcess.Start(work.Path, ShortLease, "run", "--config", "config"))
        {
            // The poll committed the item and its alert; every send attempt fails while the server is down.
            (await Eventually.TrueAsync(() => FailingDeliveries(work, ct) > 0, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(worker.StandardOutput);
            worker.KillHard();
            (await worker.WaitForExitAsync(TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
        }

        await using var smtp = new SmtpTestServer(smtpPort);
        using (var worker = AggregatorProcess.Start(work.Path, ShortLease, "run", "--config", "config"))
        {
            (await Eventually.TrueAsync(() => !smtp.Messages.IsEmpty, TimeSpan.FromSeconds(45), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
            await Task.Delay(3000, ct); // a duplicate would arrive meanwhile
            worker.Terminate();
            await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct);
        }

        smtp.Messages.Count.ShouldBe(1);
        smtp.Messages.Single().Message.Subject.ShouldBe("[troops] Troops cross the border");
    }

    [Fact]
    public async Task Killed_inside_a_webhook_send_the_restart_repeats_it_once_with_the_same_webhook_id()
    {
        var (requests, _) = await KillInsideASendThenRestartAsync(ShortLease, TestContext.Current.CancellationToken);

        requests.Count.ShouldBe(2, "the ambiguous send is repeated once, not more");
        requests.Select(r => r.Id).Distinct().ShouldHaveSingleItem("the repeat carries the same webhook-id");
        requests.ShouldAllBe(r => r.SignatureValid);
    }

    [Fact]
    public async Task A_restart_takes_back_the_deliveries_a_killed_worker_had_claimed_without_waiting_for_their_lease()
    {
        // The default lease (5 minutes) this time: only the restart's own recovery can make the repeat prompt.
        var (requests, output) = await KillInsideASendThenRestartAsync(null, TestContext.Current.CancellationToken);

        requests.Count.ShouldBe(2);
        requests.Select(r => r.Id).Distinct().ShouldHaveSingleItem("the repeat carries the same webhook-id");
        output.ShouldContain("in progress when the previous run stopped");
    }

    [Fact]
    public async Task A_second_worker_on_the_same_sqlite_state_refuses_to_start_and_the_first_carries_on()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        await using var feed = new FeedServer();
        feed.AddItem("n-1", "Troops cross the border", "Units were seen at the crossing.");
        await using var hook = new WebhookReceiver();
        WriteConfig(work, feed, "hook", HookSubscriber(hook), FreePort.Next());

        using var first = AggregatorProcess.Start(work.Path, null, "run", "--config", "config");
        (await Eventually.TrueAsync(() => !hook.Requests.IsEmpty, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(first.StandardOutput);

        var (code, _, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "run", "--config", "config");

        code.ShouldBe(4);
        stderr.ShouldContain("is in use by another running worker");
        // The config's own warnings come first (its mail server has no public pages); the refusal is one line after them.
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.Contains(": warning: ", StringComparison.Ordinal))
            .ShouldHaveSingleItem("one line, no stack trace").ShouldStartWith("error: the state database ");
        stderr.ShouldContain("aggregator.db");
        feed.AddItem("n-2", "More troops at the border", "A second column arrived.");
        (await Eventually.TrueAsync(() => hook.Requests.Count >= 2, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(first.StandardOutput);
        first.Terminate();
        (await first.WaitForExitAsync(TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();
    }

    /// <summary>
    /// A worker hands the alert to a receiver that never answers and is killed there, so it never learns the
    /// send was accepted; a second worker runs until the receiver has seen the alert again, and 3 s more for a
    /// duplicate to show. Returns what the receiver got and the second worker's output.
    /// </summary>
    private static async Task<(IReadOnlyList<WebhookReceiver.Request> Requests, string Output)> KillInsideASendThenRestartAsync(
        IReadOnlyDictionary<string, string>? environment, CancellationToken ct)
    {
        using var work = new TempDirectory();
        await using var feed = new FeedServer();
        feed.AddItem("n-1", "Troops cross the border", "Units were seen at the crossing.");
        var answer = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hook = new WebhookReceiver();
        hook.Script.Enqueue(new WebhookReceiver.Reply(200, Hold: answer.Task));
        WriteConfig(work, feed, "hook", HookSubscriber(hook), FreePort.Next());

        using (var worker = AggregatorProcess.Start(work.Path, environment, "run", "--config", "config"))
        {
            (await Eventually.TrueAsync(() => !hook.Requests.IsEmpty, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(worker.StandardOutput);
            worker.KillHard();
            (await worker.WaitForExitAsync(TimeSpan.FromSeconds(10), ct)).ShouldBeTrue();
        }
        answer.SetResult();

        using (var worker = AggregatorProcess.Start(work.Path, environment, "run", "--config", "config"))
        {
            (await Eventually.TrueAsync(() => hook.Requests.Count >= 2, TimeSpan.FromSeconds(45), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
            await Task.Delay(3000, ct);
            worker.Terminate();
            await worker.WaitForExitAsync(TimeSpan.FromSeconds(15), ct);
            return ([.. hook.Requests], worker.StandardOutput);
        }
    }

    private static string HookSubscriber(WebhookReceiver hook) => $"""
        subscribers:
          - id: hook
            webhook:
              url: "{hook.Url}"
              secret: {WebhookReceiver.Secret}
        """;

    /// <summary>Messages that have failed at least once and wait for a retry, from <c>status --json</c>.</summary>
    private static int FailingDeliveries(TempDirectory work, CancellationToken ct)
    {
        var (code, stdout, _) = AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--json", "--config", "config").GetAwaiter().GetResult();
        if (code != 0) return 0;
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        return json.RootElement.GetProperty("subscribers")[0].GetProperty("failed").GetInt32();
    }

    private static void WriteConfig(TempDirectory work, FeedServer feed, string subscriberId, string subscribers, int smtpPort) =>
        work.Write("config/aggregator.yaml", $"""
            settings:
              polling:
                minEvery: 1s
                timeout: 5s
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
              delivery:
                retryInitial: 1s
                retryMax: 2s
              smtp:
                host: 127.0.0.1
                port: {smtpPort}
                security: none
            feeds:
              - id: world
                url: {feed.FeedUrl}
                every: 1s
                firstPoll: notify
            rules:
              - id: troops
                query: troops AND border
                notify: [{subscriberId}]
            {subscribers}
            """);
}
