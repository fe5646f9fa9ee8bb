using Aggregator.Core.Alerts;
using Aggregator.Core.Items;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>The item archive backtests and explanations read: written by the poll's commit, pruned per feed, read back whole.</summary>
public abstract partial class StateStoreTests
{
    /// <summary>The schema version before <c>item_archive</c> existed.</summary>
    protected const int VersionWithoutArchive = 7;

    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    private ArchivedItem Archived(string feedId, string key, string title = "Troops at the border", bool baseline = false,
        string summary = "Several battalions were seen.", string? content = null, params string[] rules) =>
        new(feedId,
            new FeedItem(key, null, title, $"https://news.example.org/{key}", TestAlerts.Start.AddHours(-2), null,
                summary, content ?? summary, ["Ann Reporter", "Bo"], ["World", "Europe"]),
            Time.GetUtcNow(), baseline, false, rules);

    private static PollCommit ArchiveCommit(string feedId, TimeSpan keep, params ArchivedItem[] items) =>
        TestAlerts.Commit(feedId, [.. items.Select(i => (i.Item.Key, Array.Empty<OutboxDraft>()))]) with { Archive = new PollArchive(keep, items) };

    [Fact]
    public async Task The_commit_archives_each_new_item_baseline_ones_included_and_reads_them_back_whole()
    {
        var store = await OpenAsync();
        var longText = string.Concat(Enumerable.Repeat("Crème brûlée at the border: 東京 ", 300));
        var content = "The full story, longer than the summary. " + longText;
        var a = Archived("world", "a", baseline: true, summary: "Short summary", content: content, rules: ["troops", "border"]);
        var b = Archived("world", "b\0x", title: "Harbour festival");

        await store.CommitPollAsync(ArchiveCommit("world", Week, a, b), Ct);

        var items = await OpenPeer().ListArchivedAsync(new ArchiveQuery(100), Ct);
        items.Select(i => i.Item.Key).ShouldBe(["a", "b\uFFFDx"], "newest first: the feed's first item is its newest");
        var first = items[0];
        (first.FeedId, first.SeenAt, first.Baseline, first.SeenBefore).ShouldBe(("world", TestAlerts.Start, true, false));
        first.MatchedRuleIds.ShouldBe(["troops", "border"]);
        first.Item.Title.ShouldBe("Troops at the border");
        first.Item.Link.ShouldBe("https://news.example.org/a");
        first.Item.Published.ShouldBe(TestAlerts.Start.AddHours(-2));
        first.Item.Authors.ShouldBe(["Ann Reporter", "Bo"]);
        first.Item.Categories.ShouldBe(["World", "Europe"]);
        first.Item.Summary.ShouldBe("Short summary");
        first.Item.Content.Length.ShouldBe(ArchivedText.MaxChars - "Short summary".Length, "summary and content share the cap");
        content.ShouldStartWith(first.Item.Content);
        items[1].Baseline.ShouldBeFalse();
        items[1].Item.Content.ShouldBe(items[1].Item.Summary, "content equal to the summary is kept once and restored");
    }

    [Fact]
    public async Task Only_the_commit_that_records_a_key_first_archives_its_item()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(ArchiveCommit("world", Week, Archived("world", "a", title: "First")), Ct);
        Time.Advance(TimeSpan.FromMinutes(5));

        await OpenPeer().CommitPollAsync(ArchiveCommit("world", Week, Archived("world", "a", title: "Again"), Archived("world", "c")), Ct);

        var items = await store.ListArchivedAsync(new ArchiveQuery(100), Ct);
        items.Select(i => (i.Item.Key, i.Item.Title, i.SeenAt)).ShouldBe(
        [
            ("c", "Troops at the border", TestAlerts.Start.AddMinutes(5)),
            ("a", "First", TestAlerts.Start),
        ]);
    }

    [Fact]
    public async Task Reads_filter_by_feed_time_and_limit_and_find_an_item_by_key_or_link()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(ArchiveCommit("world", Week, Archived("world", "w1")), Ct);
        Time.Advance(TimeSpan.FromHours(1));
        await store.CommitPollAsync(ArchiveCommit("sport", Week, Archived("sport", "s1"), Archived("sport", "w1")), Ct);

        (await store.ListArchivedAsync(new ArchiveQuery(100, ["world"]), Ct)).Select(i => i.Item.Key).ShouldBe(["w1"]);
        (await store.ListArchivedAsync(new ArchiveQuery(100, Since: TestAlerts.Start.AddMinutes(30)), Ct)).Select(i => i.FeedId).ShouldBe(["sport", "sport"]);
        (await store.ListArchivedAsync(new ArchiveQuery(1), Ct)).ShouldHaveSingleItem().Item.Key.ShouldBe("s1");
        (await store.FindArchivedAsync("w1", null, Ct)).Select(i => i.FeedId).ShouldBe(["sport", "world"]);
        (await store.FindArchivedAsync("https://news.example.org/w1", "world", Ct)).ShouldHaveSingleItem().FeedId.ShouldBe("world");
        (await store.FindArchivedAsync("https://news.example.org/nothing", null, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_feed_keeps_its_newest_300_items_and_none_older_than_keep()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(ArchiveCommit("other", Week, Archived("other", "o")), Ct);
        for (var poll = 0; poll < 4; poll++)
        {
            Time.Advance(TimeSpan.FromHours(1));
            await store.CommitPollAsync(ArchiveCommit("world", Week, [.. Enumerable.Range(0, 100).Select(i => Archived("world", $"p{poll}-{i:000}"))]), Ct);
        }

        var world = await store.ListArchivedAsync(new ArchiveQuery(1000, ["world"]), Ct);
        world.Count.ShouldBe(PollArchive.KeptPerFeed);
        world[0].Item.Key.ShouldBe("p3-000");
        world[^1].Item.Key.ShouldBe("p1-099", "the oldest poll's items went first, and of a poll its last listed");

        Time.Advance(Week - TimeSpan.FromMinutes(30));
        await store.CommitPollAsync(ArchiveCommit("world", Week), Ct);
        (await store.ListArchivedAsync(new ArchiveQuery(1000, ["world"]), Ct)).Select(i => i.Item.Key[..2]).Distinct().ShouldBe(["p3"], "seen more than keep ago");
        (await store.ListArchivedAsync(new ArchiveQuery(10, ["other"]), Ct)).ShouldHaveSingleItem("another feed is pruned by its own polls");
    }

    [Fact]
    public async Task With_keep_zero_nothing_is_archived_and_the_feeds_archive_is_emptied()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(ArchiveCommit("world", Week, Archived("world", "a")), Ct);

        await store.CommitPollAsync(ArchiveCommit("world", TimeSpan.Zero, Archived("world", "b")) with { Archive = new PollArchive(TimeSpan.Zero, []) }, Ct);

        (await store.ListArchivedAsync(new ArchiveQuery(100), Ct)).ShouldBeEmpty();
        (await store.FindSeenAsync("world", ["a", "b"], Ct)).Count.ShouldBe(2, "the keys are recorded as ever");
    }

    [Fact]
    public async Task The_outbox_messages_of_alert_ids_are_found()
    {
        var store = await OpenAsync();
        var alert = TestAlerts.Make("ops", "k");
        await store.CommitPollAsync(TestAlerts.Commit("world-news", ("k", [TestAlerts.Draft(alert)]), ("other", [TestAlerts.Draft(TestAlerts.Make("ops", "other"))])), Ct);

        var found = await OpenPeer().ListDeliveriesOfAlertsAsync([alert.AlertId, AlertIds.For("nobody", "x", "y")], Ct);

        found.ShouldHaveSingleItem().Alert!.AlertId.ShouldBe(alert.AlertId);
        (await store.ListDeliveriesOfAlertsAsync([], Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Migrating_from_version_7_keeps_the_data_and_starts_an_empty_archive()
    {
        var store = await OpenAtVersionAsync(VersionWithoutArchive);
        await InsertOutboxRowAsOfVersion1Async(TestAlerts.Make("ops", "old"));
        await InsertSeenRowWithoutFingerprintAsync("world", "old");

        await store.MigrateAsync(Ct);

        (await store.FindSeenAsync("world", ["old"], Ct)).ShouldBe(["old"]);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert.Item.Key.ShouldBe("old");
        (await store.ListArchivedAsync(new ArchiveQuery(10), Ct)).ShouldBeEmpty();
        await store.CommitPollAsync(ArchiveCommit("world", Week, Archived("world", "new")), Ct);
        (await store.ListArchivedAsync(new ArchiveQuery(10), Ct)).ShouldHaveSingleItem().Item.Key.ShouldBe("new");
    }
}
