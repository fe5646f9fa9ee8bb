using Aggregator.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// The same story from several feeds, polled for real and committed to a real store: the first copy alerts, the others
/// are recorded with it for each subscriber who groups stories, and a different story on the same subject still alerts.
/// </summary>
public sealed class StoryGroupingTests
{
    private const string Wire = "Troops gather near the northern border as talks stall";
    private const string Lead = "Thousands of soldiers and armoured columns moved towards the frontier overnight, officials said, as negotiations in Geneva broke up without agreement.";

    private static string Config(string settings = "", string annStories = "") => $$"""
        {{settings}}
        feeds:
          - { id: wire, url: wire.xml, firstPoll: notify }
          - { id: paper, url: paper.xml, firstPoll: notify }
        rules:
          - { id: border, query: troops AND border, notify: [ann, bob] }
          - { id: talks, query: talks, notify: [ann] }
        subscribers:
          - { id: ann, email: [ann@example.org]{{annStories}} }
          - { id: bob, email: [bob@example.org], stories: every }
        """;

    [Fact]
    public async Task A_syndicated_copy_from_another_feed_is_recorded_with_the_first_alert_and_not_queued()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, "wire", ("w1", Wire, "https://wire.example.org/2026/11/27/troops-border", Lead));
        WriteFeed(dir, "paper", ("p1", Wire + " - Wire", "https://www.paper.example.com/world/troops-border-talks?utm_source=rss", Lead));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(), ct);

        (await harness.Poller.PollAsync("wire", ct)).Queued.ShouldBe(2, "ann and bob get the first copy");
        harness.Time.Advance(TimeSpan.FromMinutes(5));
        (await harness.Poller.PollAsync("paper", ct)).Queued.ShouldBe(1, "only bob, who takes every copy, gets the second");

        var messages = await harness.DueMessagesAsync(ct);
        messages.Count(m => m.Alert.SubscriberId == "ann").ShouldBe(1);
        messages.Count(m => m.Alert.SubscriberId == "bob").ShouldBe(2);
        var first = messages.Single(m => m.Alert.SubscriberId == "ann");
        var copies = await harness.Store.StoryCopiesAsync([first.Alert.AlertId], ct);
        copies.Select(c => (c.SubscriberId, c.RuleId, c.StoryAlertId, c.Source.FeedId)).OrderBy(c => c.RuleId).ShouldBe(
        [
            ("ann", "border", first.Alert.AlertId, "paper"),
            ("ann", "talks", first.Alert.AlertId, "paper"),
        ]);
    }

    [Fact]
    public async Task A_different_story_on_the_same_subject_still_alerts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, "wire", ("w1", Wire, "https://wire.example.org/a", Lead));
        WriteFeed(dir, "paper", ("p1", "Border villages evacuated as troops dig in for winter",
            "https://paper.example.com/b", "Families in three hamlets were bussed south on Friday while engineers laid mines along the river crossing."));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(), ct);

        (await harness.Poller.PollAsync("wire", ct)).Queued.ShouldBe(2);
        (await harness.Poller.PollAsync("paper", ct)).Queued.ShouldBe(2);
        (await harness.Store.StoryCopiesAsync([.. (await harness.DueMessagesAsync(ct)).Select(m => m.Alert.AlertId)], ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_copy_matched_by_a_second_rule_alerts_for_that_rule_only()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, "wire", ("w1", "Troops gather near the northern border", "https://wire.example.org/a", Lead.Replace(" as negotiations in Geneva broke up without agreement", "", StringComparison.Ordinal)));
        WriteFeed(dir, "paper", ("p1", "Troops gather near the northern border", "https://paper.example.com/a", "Talks in Geneva broke up without agreement as soldiers moved towards the frontier."));
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(), ct);

        await harness.Poller.PollAsync("wire", ct);
        await harness.Poller.PollAsync("paper", ct);

        var ann = (await harness.DueMessagesAsync(ct)).Where(m => m.Alert.SubscriberId == "ann").OrderBy(m => m.Alert.Feed.Id).ToList();
        ann.Select(m => (m.Alert.Feed.Id, string.Join(",", m.Alert.Rules.Select(r => r.RuleId)))).ShouldBe(
            [("paper", "talks"), ("wire", "border")], "the same title is the same story for border; talks never alerted it");
    }

    [Fact]
    public async Task With_the_story_window_off_or_passed_every_copy_alerts()
    {
        var ct = TestContext.Current.CancellationToken;
        using var off = new TempDirectory();
        WriteFeed(off, "wire", ("w1", Wire, "https://wire.example.org/a", Lead));
        WriteFeed(off, "paper", ("p1", Wire, "https://paper.example.com/a", Lead));
        await using (var harness = await PipelineHarness.CreateAsync(off, Config("settings: { alerts: { storyWindow: off } }"), ct))
        {
            await harness.Poller.PollAsync("wire", ct);
            (await harness.Poller.PollAsync("paper", ct)).Queued.ShouldBe(2, "storyWindow: off");
        }

        using var later = new TempDirectory();
        WriteFeed(later, "wire", ("w1", Wire, "https://wire.example.org/a", Lead));
        WriteFeed(later, "paper", ("p1", Wire, "https://paper.example.com/a", Lead));
        await using (var harness = await PipelineHarness.CreateAsync(later, Config("settings: { alerts: { storyWindow: 6h } }"), ct))
        {
            await harness.Poller.PollAsync("wire", ct);
            harness.Time.Advance(TimeSpan.FromHours(6) + TimeSpan.FromMinutes(1));
            (await harness.Poller.PollAsync("paper", ct)).Queued.ShouldBe(2, "the first alert is older than the window");
        }
    }

    [Fact]
    public async Task The_story_is_remembered_across_a_restart()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, "wire", ("w1", Wire, "https://wire.example.org/a", Lead));
        WriteFeed(dir, "paper", ("p1", Wire, "https://paper.example.com/a", Lead));
        await using (var before = await PipelineHarness.CreateAsync(dir, Config(), ct))
            (await before.Poller.PollAsync("wire", ct)).Queued.ShouldBe(2);
        await using var after = await PipelineHarness.CreateAsync(dir, Config(), ct);
        (await after.Poller.PollAsync("paper", ct)).Queued.ShouldBe(1, "ann's copy is grouped with the alert sent before the restart");
    }

    private static void WriteFeed(TempDirectory dir, string name, params (string Guid, string Title, string Link, string Summary)[] items)
    {
        var xml = string.Concat(items.Select(i =>
            $"<item><title>{i.Title}</title><guid isPermaLink=\"false\">{i.Guid}</guid><link>{System.Security.SecurityElement.Escape(i.Link)}</link><description>{i.Summary}</description></item>"));
        dir.Write($"config/{name}.xml", $"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>{name}</title><link>https://{name}.example.org/</link>{xml}</channel></rss>");
    }
}
