using System.Text;
using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    protected const int VersionWithoutConfigChanges = 8;

    private const string SmallDiff = """
        --- a/feeds.yaml
        +++ b/feeds.yaml
        @@ -1,2 +1,2 @@
         feeds:
        -  - id: world
        +  - id: world-news

        """;

    private ConfigChange Change(string file, ConfigWriteMode mode = ConfigWriteMode.Direct, string diff = SmallDiff) => new(
        0, Time.GetUtcNow(), "ana", file, diff, mode,
        mode == ConfigWriteMode.Patch ? ConfigChangeOutcome.Offered : ConfigChangeOutcome.Pending);

    [Fact]
    public async Task A_recorded_change_is_listed_settled_by_its_reload_and_counted()
    {
        var store = await OpenAsync();
        (await store.CountConfigChangesAsync(Ct)).ShouldBe(ConfigChangeCounts.None);

        var first = await store.RecordConfigChangeAsync(Change("feeds.yaml"), Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        var second = await store.RecordConfigChangeAsync(Change("rules/world.yaml"), Ct);
        Time.Advance(TimeSpan.FromMinutes(1));
        var patch = await store.RecordConfigChangeAsync(Change("subscribers.yaml", ConfigWriteMode.Patch), Ct);
        Time.Advance(TimeSpan.FromSeconds(5));
        await store.SetConfigChangeOutcomeAsync(first, ConfigChangeOutcome.Accepted, null, Ct);
        await store.SetConfigChangeOutcomeAsync(second, ConfigChangeOutcome.Rejected, "rules/world.yaml:3:9: unknown field 'qeury'", Ct);

        var listed = await OpenPeer().ListConfigChangesAsync(null, 10, Ct);
        listed.Select(c => c.Id).ShouldBe([patch, second, first]);
        listed[2].ShouldBe(new ConfigChange(first, TestAlerts.Start, "ana", "feeds.yaml", SmallDiff, ConfigWriteMode.Direct,
            ConfigChangeOutcome.Accepted, null, Time.GetUtcNow()));
        listed[1].Outcome.ShouldBe(ConfigChangeOutcome.Rejected);
        listed[1].Message.ShouldBe("rules/world.yaml:3:9: unknown field 'qeury'");
        listed[0].Mode.ShouldBe(ConfigWriteMode.Patch);
        listed[0].Outcome.ShouldBe(ConfigChangeOutcome.Offered);
        listed[0].SettledAt.ShouldBeNull();
        (await store.CountConfigChangesAsync(Ct)).ShouldBe(new ConfigChangeCounts(3, 1, 1, 0, 1, TestAlerts.Start + TimeSpan.FromMinutes(2)));
    }

    [Fact]
    public async Task A_pending_change_is_counted_as_pending_until_its_outcome_is_set()
    {
        var store = await OpenAsync();
        var id = await store.RecordConfigChangeAsync(Change("feeds.yaml"), Ct);

        (await store.CountConfigChangesAsync(Ct)).Pending.ShouldBe(1);
        await store.SetConfigChangeOutcomeAsync(id, ConfigChangeOutcome.Accepted, "reloaded 3 feeds", Ct);

        var counts = await store.CountConfigChangesAsync(Ct);
        (counts.Pending, counts.Accepted).ShouldBe((0L, 1L));
        await Should.ThrowAsync<KeyNotFoundException>(() => store.SetConfigChangeOutcomeAsync(id + 100, ConfigChangeOutcome.Accepted, null, Ct));
    }

    [Fact]
    public async Task Changes_are_paged_newest_first_by_id()
    {
        var store = await OpenAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await store.RecordConfigChangeAsync(Change($"rules/r{i}.yaml"), Ct));

        var page1 = await store.ListConfigChangesAsync(null, 2, Ct);
        var page2 = await store.ListConfigChangesAsync(page1[^1].Id, 2, Ct);
        var page3 = await store.ListConfigChangesAsync(page2[^1].Id, 2, Ct);

        page1.Select(c => c.File).ShouldBe(["rules/r4.yaml", "rules/r3.yaml"]);
        page2.Select(c => c.File).ShouldBe(["rules/r2.yaml", "rules/r1.yaml"]);
        page3.Select(c => c.Id).ShouldBe([ids[0]]);
        (await store.ListConfigChangesAsync(ids[0], 2, Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_diff_beyond_the_limit_is_cut_after_a_whole_line_and_marked()
    {
        var store = await OpenAsync();
        var line = "+  - query: \"troops AND border — é\"\n";
        var lines = ConfigChangeDiff.MaxBytes / Encoding.UTF8.GetByteCount(line) + 100;
        var diff = "--- a/rules.yaml\n+++ b/rules.yaml\n" + string.Concat(Enumerable.Repeat(line, lines));

        var id = await store.RecordConfigChangeAsync(Change("rules.yaml", diff: diff), Ct);

        var stored = (await store.ListConfigChangesAsync(null, 1, Ct)).ShouldHaveSingleItem();
        stored.Id.ShouldBe(id);
        Encoding.UTF8.GetByteCount(stored.Diff).ShouldBeLessThan(ConfigChangeDiff.MaxBytes + 100);
        stored.Diff.ShouldStartWith("--- a/rules.yaml\n+++ b/rules.yaml\n" + line);
        var marker = stored.Diff.Split('\n')[^2];
        marker.ShouldStartWith(ConfigChangeDiff.TruncatedMarker);
        marker.ShouldEndWith($" of {Encoding.UTF8.GetByteCount(diff)} bytes kept]");
        var kept = stored.Diff[..stored.Diff.LastIndexOf(ConfigChangeDiff.TruncatedMarker, StringComparison.Ordinal)];
        diff.ShouldStartWith(kept);
        kept.Split('\n')[^2].ShouldBe(line.TrimEnd('\n'), "the cut falls after a whole line");
    }

    [Fact]
    public async Task A_diff_within_the_limit_is_kept_as_given()
    {
        var store = await OpenAsync();
        var diff = SmallDiff + new string('x', ConfigChangeDiff.MaxBytes - Encoding.UTF8.GetByteCount(SmallDiff));

        await store.RecordConfigChangeAsync(Change("feeds.yaml", diff: diff), Ct);

        (await store.ListConfigChangesAsync(null, 1, Ct)).ShouldHaveSingleItem().Diff.ShouldBe(diff);
    }

    [Fact]
    public async Task Recording_a_change_deletes_the_changes_older_than_the_kept_period()
    {
        var store = await OpenAsync();
        await store.RecordConfigChangeAsync(Change("feeds.yaml"), Ct);
        Time.Advance(TimeSpan.FromDays(100));
        var recent = await store.RecordConfigChangeAsync(Change("rules.yaml"), Ct);
        Time.Advance(ConfigChangeLog.Kept - TimeSpan.FromDays(100) + TimeSpan.FromMinutes(1));

        var latest = await store.RecordConfigChangeAsync(Change("subscribers.yaml"), Ct);

        (await store.ListConfigChangesAsync(null, 10, Ct)).Select(c => c.Id).ShouldBe([latest, recent]);
        latest.ShouldBeGreaterThan(recent);
        (await store.CountConfigChangesAsync(Ct)).Total.ShouldBe(2);
    }

    [Fact]
    public async Task Migrating_from_version_8_keeps_the_data_and_starts_an_empty_change_log()
    {
        var store = await OpenAtVersionAsync(VersionWithoutConfigChanges);
        await InsertOutboxRowAsOfVersion1Async(TestAlerts.Make("ops", "old"));

        await store.MigrateAsync(Ct);

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert.Item.Key.ShouldBe("old");
        (await store.CountConfigChangesAsync(Ct)).ShouldBe(ConfigChangeCounts.None);
        var id = await store.RecordConfigChangeAsync(Change("feeds.yaml"), Ct);
        (await store.ListConfigChangesAsync(null, 10, Ct)).ShouldHaveSingleItem().Id.ShouldBe(id);
    }
}
