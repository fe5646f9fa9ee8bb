using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    /// <summary>The schema version before <c>seen_items.fingerprint</c> existed.</summary>
    protected const int VersionWithoutFingerprints = 4;

    /// <summary>Records <paramref name="key"/> as seen with plain SQL, as a release without fingerprints did.</summary>
    internal abstract Task InsertSeenRowWithoutFingerprintAsync(string feedId, string key);

    private static PollCommit Seen(string feedId, params SeenItem[] items) =>
        new(new FeedState { FeedId = feedId, LastResult = PollOutcome.Parsed, LastPollAt = TestAlerts.Start }, items);

    [Fact]
    public async Task Fingerprints_round_trip_with_their_keys()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(Seen("world-news",
            new SeenItem("g", [], "0123456789ab"),
            new SeenItem("g#fedcba987654", [TestAlerts.Draft(TestAlerts.Make("ops", "g#fedcba987654"))], "fedcba987654"),
            new SeenItem("no-print", [])), Ct);

        var found = await OpenPeer().FindSeenFingerprintsAsync("world-news", ["g", "g#fedcba987654", "no-print", "missing"], Ct);

        found.OrderBy(p => p.Key, StringComparer.Ordinal).ShouldBe(
        [
            new("g", "0123456789ab"),
            new("g#fedcba987654", "fedcba987654"),
            new KeyValuePair<string, string?>("no-print", null),
        ]);
        (await store.FindSeenFingerprintsAsync("other-feed", ["g"], Ct)).ShouldBeEmpty();
        (await store.FindSeenFingerprintsAsync("world-news", [], Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_key_keeps_the_fingerprint_of_the_item_first_seen_under_it()
    {
        var store = await OpenAsync();
        (await store.CommitPollAsync(Seen("f", new SeenItem("g", [TestAlerts.Draft(TestAlerts.Make("ops", "g"))], "aaaaaaaaaaaa")), Ct)).ShouldBe(1);

        (await store.CommitPollAsync(Seen("f", new SeenItem("g", [TestAlerts.Draft(TestAlerts.Make("ops", "g", title: "Other"))], "bbbbbbbbbbbb")), Ct)).ShouldBe(0);

        (await store.FindSeenFingerprintsAsync("f", ["g"], Ct))["g"].ShouldBe("aaaaaaaaaaaa");
    }

    [Fact]
    public async Task Migrating_a_database_without_fingerprints_keeps_its_seen_keys_with_none()
    {
        var store = await OpenAtVersionAsync(VersionWithoutFingerprints);
        await InsertSeenRowWithoutFingerprintAsync("f", "g");

        await store.MigrateAsync(Ct);

        (await store.FindSeenAsync("f", ["g"], Ct)).ShouldBe(["g"]);
        var legacy = await store.FindSeenFingerprintsAsync("f", ["g"], Ct);
        legacy.ShouldContainKey("g");
        legacy["g"].ShouldBeNull();
        (await store.CommitPollAsync(Seen("f", new SeenItem("g", [TestAlerts.Draft(TestAlerts.Make("ops", "g"))], "aaaaaaaaaaaa")), Ct))
            .ShouldBe(0, "a key seen before the upgrade is still seen");
        (await store.CommitPollAsync(Seen("f", new SeenItem("h", [TestAlerts.Draft(TestAlerts.Make("ops", "h"))], "cccccccccccc")), Ct)).ShouldBe(1);
        (await store.FindSeenFingerprintsAsync("f", ["g", "h"], Ct)).OrderBy(p => p.Key, StringComparer.Ordinal)
            .ShouldBe([new KeyValuePair<string, string?>("g", null), new("h", "cccccccccccc")]);
        (await store.PruneSeenAsync("f", ["g", "h"], TimeSpan.FromDays(30), Ct)).ShouldBe(0);
    }
}
