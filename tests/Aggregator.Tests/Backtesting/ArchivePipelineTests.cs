using Aggregator.Storage;
using Aggregator.Tests.Pipeline;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Backtesting;

/// <summary>What real polls put in the item archive.</summary>
public sealed class ArchivePipelineTests
{
    [Fact]
    public async Task Every_new_item_is_archived_by_its_poll_baseline_and_old_ones_included_with_the_rules_it_matched()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var harness = await ArchiveHarness.CreateAsync(dir, ct);
        var store = harness.Pipeline.Store;

        var items = (await store.ListArchivedAsync(new ArchiveQuery(100), ct)).ToDictionary(i => i.Item.Key);

        items.Keys.Order(StringComparer.Ordinal).ShouldBe(["desk-a", "desk-b", "desk-c", "old-f", "quiet-e", "sport-d"]);
        items["quiet-e"].Baseline.ShouldBeTrue();
        items["quiet-e"].MatchedRuleIds.ShouldBe(["troops-at-border"], "a baseline item is matched for the record, not alerted");
        items["desk-a"].Baseline.ShouldBeFalse();
        items["desk-a"].MatchedRuleIds.ShouldBe(["troops-at-border"]);
        items["desk-b"].MatchedRuleIds.ShouldBeEmpty();
        items["sport-d"].MatchedRuleIds.ShouldBeEmpty("sport is out of the rule's feeds");
        items["old-f"].MatchedRuleIds.ShouldBe(["troops-at-border"]);
        items["old-f"].Item.Published.ShouldBe(new DateTimeOffset(2026, 10, 27, 10, 0, 0, TimeSpan.Zero));
        items["desk-a"].Item.Summary.ShouldBe("Battalions moved overnight.");
        items["desk-a"].SeenAt.ShouldBe(harness.Pipeline.Time.GetUtcNow());
        (await harness.Pipeline.DueMessagesAsync(ct)).ShouldHaveSingleItem().Alert.Item.Key.ShouldBe("desk-a", "only desk-a alerted");
    }

    [Fact]
    public async Task With_archive_keep_0_a_poll_archives_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var feed = new FeedServer();
        feed.SetItems(("a", "Troops at the border", "x"));
        await using var harness = await PipelineHarness.CreateAsync(dir, $"""
            feeds:
              - id: desk
                url: {feed.FeedUrl}
            """, ct);
        var active = (Aggregator.Configuration.ActiveConfig)harness.Services.GetService(typeof(Aggregator.Configuration.ActiveConfig))!;
        var config = active.Current.Config;
        active.Swap(Aggregator.Configuration.ConfigSnapshot.Create(config with
        {
            Settings = config.Settings with { Console = config.Settings.Console with { Archive = new() { Keep = TimeSpan.Zero } } },
        }));

        (await harness.Poller.PollAsync("desk", ct)).NewItems.ShouldBe(1);

        (await harness.Store.ListArchivedAsync(new ArchiveQuery(100), ct)).ShouldBeEmpty();
        (await harness.Store.FindSeenAsync("desk", ["a"], ct)).ShouldBe(["a"]);
    }
}
