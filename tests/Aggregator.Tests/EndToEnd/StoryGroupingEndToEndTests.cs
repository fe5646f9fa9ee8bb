using System.Net;
using System.Text.Json;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// The real executable, two loopback feeds carrying the same story and a real SMTP server: a subscriber who groups stories
/// gets one mail, one who takes every copy gets two, and the operator sees the copy in the console and in <c>explain</c>.
/// </summary>
public sealed class StoryGroupingEndToEndTests
{
    private const string Title = "Troops gather near the northern border as talks stall";
    private const string Lead = "Thousands of soldiers and armoured columns moved towards the frontier overnight, officials said, as negotiations in Geneva broke up without agreement.";

    [Fact]
    public async Task One_mail_per_story_for_a_grouping_subscriber_and_the_copy_is_visible_to_operators()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var wire = new FeedServer("Wire Service");
        await using var paper = new FeedServer("The Paper");
        await using var smtp = new SmtpTestServer();
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              polling: { minEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              smtp: { host: 127.0.0.1, port: {{smtp.Port}}, security: none, from: "Alerts <alerts@example.org>" }
              console: { listen: "127.0.0.1:0", auth: { mode: none } }
            feeds:
              - { id: wire, url: "{{wire.FeedUrl}}", every: 1s }
              - { id: paper, url: "{{paper.FeedUrl}}", every: 1s }
            rules:
              - { id: border, query: troops AND border, notify: [ann, bob] }
            subscribers:
              - { id: ann, email: [ann@example.org] }
              - { id: bob, email: [bob@example.org], stories: every }
            """);
        using (var console = await ConsoleWorker.StartAsync(work, null, ct))
        {
            (await Eventually.TrueAsync(() => wire.Requests >= 2 && paper.Requests >= 2, TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(console.Output);

            wire.AddItem("w-1", Title, Lead);
            (await Eventually.TrueAsync(() => smtp.Messages.Count == 2, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
            paper.AddItem("p-1", Title, Lead);
            (await Eventually.TrueAsync(() => smtp.Messages.Count == 3, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
            await Task.Delay(TimeSpan.FromSeconds(3), ct);

            smtp.Messages.Count(m => m.Recipients.Contains("ann@example.org")).ShouldBe(1, "ann groups stories: the paper's copy is not sent");
            smtp.Messages.Count(m => m.Recipients.Contains("bob@example.org")).ShouldBe(2, "bob takes every copy");

            using var list = JsonDocument.Parse(await console.Http.GetStringAsync("/api/deliveries?subscriber=ann", ct));
            var id = list.RootElement.GetProperty("messages").EnumerateArray().ShouldHaveSingleItem().GetProperty("id").GetInt64();
            var page = WebUtility.HtmlDecode(await console.Http.GetStringAsync($"/deliveries/{id}", ct));
            page.ShouldContain("Same story, grouped with this alert (not sent)");
            page.ShouldContain("The Paper");
            page.ShouldContain("https://news.example.org/p-1");
            using var message = JsonDocument.Parse(await console.Http.GetStringAsync($"/api/deliveries/{id}", ct));
            var copy = message.RootElement.GetProperty("copies").EnumerateArray().ShouldHaveSingleItem();
            copy.GetProperty("feedId").GetString().ShouldBe("paper");
            copy.GetProperty("matchedBy").GetString().ShouldNotBeNullOrEmpty();
            console.Process.Terminate();
        }

        var (exit, stdout, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "explain", "--rule", "border", "https://news.example.org/p-1", "--config", "config");
        exit.ShouldBe(0, stderr);
        stdout.ShouldContain("grouped for ann: the same story", Case.Sensitive, stdout);
        var (_, json, _) = await AggregatorProcess.RunAsync(work.Path, null, ct, "explain", "--rule", "border", "https://news.example.org/w-1", "--config", "config", "--json");
        using var explained = JsonDocument.Parse(json);
        var first = explained.RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        first.GetProperty("copies").EnumerateArray().ShouldHaveSingleItem().GetProperty("feed").GetProperty("id").GetString().ShouldBe("paper");
    }
}
