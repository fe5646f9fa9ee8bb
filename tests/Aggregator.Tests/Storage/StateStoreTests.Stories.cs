using Aggregator.Core.Alerts;
using Aggregator.Core.Stories;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    private const string StoryTitle = "Troops gather near the northern border as talks stall";
    private static readonly TimeSpan StoryWindow = TimeSpan.FromHours(48);

    [Fact]
    public async Task A_copy_of_a_story_in_the_window_is_recorded_with_its_alert_and_not_queued()
    {
        var store = await OpenAsync();
        var first = StoryAlert("wire", "https://wire.example.org/a");
        var copy = StoryAlert("paper", "https://www.wire.example.org/a/?utm_source=rss");

        (await store.CommitPollAsync(StoryCommit(first), Ct)).ShouldBe(1);
        Time.Advance(TimeSpan.FromHours(1));
        (await OpenPeer().CommitPollAsync(StoryCommit(copy), Ct)).ShouldBe(0);

        var copies = await OpenPeer().StoryCopiesAsync([first.AlertId], Ct);
        var recorded = copies.ShouldHaveSingleItem();
        (recorded.SubscriberId, recorded.RuleId, recorded.StoryAlertId, recorded.CopyAlertId).ShouldBe(("ops", "troops-at-border", first.AlertId, copy.AlertId));
        recorded.MatchedBy.ShouldBe(StoryMatch.Link);
        recorded.Source.ShouldBe(new StorySource("paper", "World News", StoryTitle, copy.Item.Link, Time.GetUtcNow()));
        (await store.StoryCopiesAsync([copy.AlertId], Ct)).ShouldHaveSingleItem().StoryAlertId.ShouldBe(first.AlertId, "found from the copy's side too");
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert.AlertId.ShouldBe(first.AlertId);
        (await store.Choices.StoryOfAlertAsync("ops", first.AlertId, Ct)).ShouldBe(StoryPrint.Of(first.Item), "a muted story is this print");
        (await store.Choices.StoryOfAlertAsync("ops", copy.AlertId, Ct)).ShouldBeNull("a copy is not a story of its own");
    }

    [Fact]
    public async Task A_copy_after_the_window_or_without_a_window_is_queued()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(StoryCommit(StoryAlert("wire", "https://wire.example.org/a")), Ct);

        (await store.CommitPollAsync(StoryCommit(StoryAlert("paper", "https://paper.example.org/a"), group: false), Ct)).ShouldBe(1);
        Time.Advance(StoryWindow + TimeSpan.FromMinutes(1));
        (await store.CommitPollAsync(StoryCommit(StoryAlert("radio", "https://radio.example.org/a")), Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task Stories_are_kept_per_subscriber_and_rule_and_pruned_with_the_outbox_history()
    {
        var store = await OpenAsync();
        var first = StoryAlert("wire", "https://wire.example.org/a");
        await store.CommitPollAsync(StoryCommit(first), Ct);

        (await store.CommitPollAsync(StoryCommit(StoryAlert("paper", "https://wire.example.org/a", subscriber: "desk")), Ct)).ShouldBe(1, "another subscriber");
        (await store.CommitPollAsync(StoryCommit(StoryAlert("radio", "https://wire.example.org/a", rule: "floods")), Ct)).ShouldBe(1, "another rule");
        (await store.CommitPollAsync(StoryCommit(StoryAlert("tv", "https://wire.example.org/a")), Ct)).ShouldBe(0);
        (await store.StoryCopiesAsync([first.AlertId], Ct)).ShouldHaveSingleItem();

        Time.Advance(TimeSpan.FromDays(31));
        await store.PruneOutboxAsync(Time.GetUtcNow() - TimeSpan.FromDays(30), Ct);
        (await store.StoryCopiesAsync([first.AlertId], Ct)).ShouldBeEmpty();
        (await store.CommitPollAsync(StoryCommit(StoryAlert("cable", "https://wire.example.org/a"), window: TimeSpan.FromDays(30)), Ct))
            .ShouldBe(1, "the pruned story no longer groups anything");
    }

    [Fact]
    public async Task Two_stores_committing_copies_of_one_story_at_once_queue_one_alert()
    {
        var stores = new[] { await OpenAsync(), OpenPeer(), OpenPeer(), OpenPeer() };
        var copies = stores.Select((_, i) => StoryAlert($"feed-{i}", $"https://outlet-{i}.example.org/troops")).ToList();

        var queued = await Task.WhenAll(stores.Select((s, i) => Task.Run(() => s.CommitPollAsync(StoryCommit(copies[i]), Ct), Ct)));

        queued.Sum().ShouldBe(1, "one copy alerts; the others are recorded with it");
        var sent = (await stores[0].ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert;
        (await stores[0].StoryCopiesAsync([sent.AlertId], Ct)).Select(c => c.CopyAlertId)
            .ShouldBe(copies.Where(c => c.AlertId != sent.AlertId).Select(c => c.AlertId), ignoreOrder: true);
    }

    private static Alert StoryAlert(string feedId, string link, string subscriber = "ops", string rule = "troops-at-border") =>
        TestAlerts.Make(subscriber, $"{feedId}-1", title: StoryTitle, feedId: feedId, link: link, rule);

    /// <param name="window">The story window; <see cref="StoryWindow"/> when not given, none when <paramref name="group"/> is false.</param>
    private PollCommit StoryCommit(Alert alert, bool group = true, TimeSpan? window = null)
    {
        var draft = TestAlerts.Draft(alert, DeliveryChannel.Email, Time.GetUtcNow()) with { StoryWindow = group ? window ?? StoryWindow : null };
        return TestAlerts.Commit(alert.Feed.Id) with { Items = [new SeenItem(alert.Item.Key, [draft], null, StoryPrint.Of(alert.Item))] };
    }
}
