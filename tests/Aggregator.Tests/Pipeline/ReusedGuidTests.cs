using Aggregator.Pipeline;
using Aggregator.Storage;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// A publisher reuses a GUID for a new item while the old one is still in the feed: polls through a real
/// loopback feed server and a real SQLite file alert the old item once and the new one once.
/// </summary>
public sealed class ReusedGuidTests
{
    private static readonly (string, string, string) A = ("G", "Troops gather at the border", "First report.");
    private static readonly (string, string, string) B = ("G", "Troops withdraw from the border", "Second report.");
    private static readonly (string, string, string) C = ("other", "Troops cross the border", "Third report.");

    private static string Config(FeedServer server) => $"""
        feeds:
          - id: desk
            url: {server.FeedUrl}
            firstPoll: notify
        rules:
          - id: troops
            query: troops AND border
            notify: [ann]
        subscribers:
          - id: ann
            email: [ann@example.org]
        """;

    [Fact]
    public async Task A_reused_guid_alerts_the_new_item_once_and_never_the_old_one_again()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var server = new FeedServer();
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(server), ct);

        server.SetItems(A);
        (await PollTitlesAsync(harness, ct)).ShouldBe([A.Item2]);

        server.SetItems(A, B);
        var second = await harness.Poller.PollAsync("desk", ct);
        second.Outcome.ShouldBe(PollOutcome.Parsed);
        second.NewItems.ShouldBe(1);
        (await DueTitlesAsync(harness, ct)).ShouldBe([B.Item2]);

        // The same set in another order: the body changed, so it is parsed and deduped again.
        server.SetItems(B, A);
        (await PollTitlesAsync(harness, ct)).ShouldBeEmpty();

        server.SetItems(B, A, C);
        (await PollTitlesAsync(harness, ct)).ShouldBe([C.Item2]);

        // The old item leaves: the new one is alone under the GUID again, which is seen.
        server.SetItems(B, C);
        (await PollTitlesAsync(harness, ct)).ShouldBeEmpty();

        var state = await harness.Store.GetFeedStateAsync("desk", ct);
        state.ShouldNotBeNull();
        state.ItemsSeen.ShouldBe(3, "the old item under its new key is not counted as new");
    }

    [Fact]
    public async Task A_copy_identical_to_the_old_item_counts_as_it()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var server = new FeedServer();
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(server), ct);

        server.SetItems(A);
        (await PollTitlesAsync(harness, ct)).ShouldBe([A.Item2]);

        server.SetItems(A, B, A);
        (await PollTitlesAsync(harness, ct)).ShouldBe([B.Item2]);
    }

    [Fact]
    public async Task A_reused_guid_seen_before_fingerprints_were_kept_alerts_both_items_and_misses_none()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var server = new FeedServer();
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(server), ct);

        server.SetItems(A);
        (await PollTitlesAsync(harness, ct)).ShouldBe([A.Item2]);
        // As a release without fingerprints left the row.
        (await ExecuteAsync(dir, "UPDATE seen_items SET fingerprint = NULL WHERE item_key = 'G'", ct)).ShouldBe(1);

        // Without its fingerprint the old item cannot be told from the new one under the GUID, so both count as new and
        // nothing is missed; the old one is then the story already alerted, recorded with that alert instead of sent again.
        server.SetItems(A, B);
        (await PollTitlesAsync(harness, ct)).ShouldBe([B.Item2]);
        var first = (await harness.Store.ListDeliveriesAsync(new DeliveryQuery(10), ct)).Single(d => d.Alert!.Item.Title == A.Item2).Alert!;
        (await harness.Store.StoryCopiesAsync([first.AlertId], ct)).ShouldHaveSingleItem().Source.Title.ShouldBe(A.Item2);

        server.SetItems(B, A);
        (await PollTitlesAsync(harness, ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Colliding_items_new_together_are_each_alerted_once_even_when_the_group_shrinks_back_to_one()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var server = new FeedServer();
        await using var harness = await PipelineHarness.CreateAsync(dir, Config(server), ct);

        server.SetItems(A, B, C);
        (await PollTitlesAsync(harness, ct)).Order(StringComparer.Ordinal).ShouldBe([C.Item2, A.Item2, B.Item2]);

        var rows = await harness.Store.FindSeenFingerprintsAsync("desk", ["G", "other"], ct);
        rows.Keys.ShouldBe(["other"], "a colliding item is recorded under its suffixed key only");
        rows["other"].ShouldNotBeNull().Length.ShouldBe(12);

        // B leaves: A is alone under the GUID again, a key never recorded; its key from the group is.
        server.SetItems(A, C);
        var shrunk = await harness.Poller.PollAsync("desk", ct);
        shrunk.Outcome.ShouldBe(PollOutcome.Parsed);
        shrunk.NewItems.ShouldBe(0);
        (await DueTitlesAsync(harness, ct)).ShouldBeEmpty();

        // And B comes back: both return to their keys from the group, which are seen.
        server.SetItems(A, B, C);
        (await PollTitlesAsync(harness, ct)).ShouldBeEmpty();
    }

    private static async Task<List<string>> PollTitlesAsync(PipelineHarness harness, CancellationToken ct)
    {
        var result = await harness.Poller.PollAsync("desk", ct);
        result.Outcome.ShouldBe(PollOutcome.Parsed);
        return await DueTitlesAsync(harness, ct);
    }

    private static async Task<List<string>> DueTitlesAsync(PipelineHarness harness, CancellationToken ct) =>
        [.. (await harness.DueMessagesAsync(ct)).Select(m => m.Alert.Item.Title)];

    private static async Task<int> ExecuteAsync(TempDirectory dir, string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={dir.Combine("state.db")};Pooling=False");
        await connection.OpenAsync(ct);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync(ct);
    }
}
