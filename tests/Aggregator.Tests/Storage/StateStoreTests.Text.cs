using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    private const string NulKey = "tag:example.org,2026:a\0b";
    private const string LoneSurrogateKey = "item-\ud800-1";

    [Fact]
    public async Task A_key_with_a_NUL_or_a_lone_surrogate_is_kept_and_recognised_by_the_key_the_feed_gave()
    {
        var store = await OpenAsync();
        var commit = TestAlerts.Commit("f",
            (NulKey, [TestAlerts.Draft(TestAlerts.Make("ops", NulKey, title: "Bad\0title"))]),
            (LoneSurrogateKey, [TestAlerts.Draft(TestAlerts.Make("ops", LoneSurrogateKey, title: "Broken \udc00 title"))]),
            ("good", [TestAlerts.Draft(TestAlerts.Make("ops", "good"))]));

        (await store.CommitPollAsync(commit, Ct)).ShouldBe(3);
        (await OpenPeer().CommitPollAsync(commit, Ct)).ShouldBe(0);

        (await store.FindSeenAsync("f", [NulKey, LoneSurrogateKey, "good", "other"], Ct)).OrderBy(k => k, StringComparer.Ordinal)
            .ShouldBe(new[] { NulKey, LoneSurrogateKey, "good" }.OrderBy(k => k, StringComparer.Ordinal));
        (await store.FindSeenFingerprintsAsync("f", [NulKey], Ct)).Keys.ShouldBe([NulKey]);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.Select(m => m.Alert.Item.Title).Order(StringComparer.Ordinal)
            .ShouldBe(["Bad\0title", "Broken \uFFFD title", "Troops gather at the border"]);
    }

    [Fact]
    public async Task Keys_that_differ_only_in_a_replaced_character_are_one_item_in_every_store()
    {
        var store = await OpenAsync();
        var replaced = NulKey.Replace("\0", "\uFFFD", StringComparison.Ordinal);

        (await store.CommitPollAsync(TestAlerts.Commit("f",
            (NulKey, [TestAlerts.Draft(TestAlerts.Make("ops", NulKey, title: "First"))]),
            (replaced, [TestAlerts.Draft(TestAlerts.Make("ops", replaced, title: "Second"))])), Ct)).ShouldBe(1);

        (await store.FindSeenAsync("f", [replaced], Ct)).ShouldBe([replaced]);
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Alert.Item.Title.ShouldBe("First");
    }

    [Fact]
    public async Task A_key_with_a_NUL_stays_present_while_its_item_is_in_the_feed()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f", (NulKey, [])), Ct);

        Time.Advance(TimeSpan.FromDays(40));
        (await store.PruneSeenAsync("f", [NulKey], TimeSpan.FromDays(30), Ct)).ShouldBe(0);
        Time.Advance(TimeSpan.FromDays(40));
        (await store.PruneSeenAsync("f", [NulKey], TimeSpan.FromDays(30), Ct)).ShouldBe(0);

        (await store.FindSeenAsync("f", [NulKey], Ct)).ShouldBe([NulKey]);
    }

    [Fact]
    public async Task Feed_state_and_delivery_errors_with_a_NUL_are_kept_readable()
    {
        var store = await OpenAsync();
        await store.SaveFeedStateAsync(new FeedState { FeedId = "f", ETag = "\"e\0\"", LastError = "bad byte \0 at 3", LastResult = PollOutcome.Failed }, Ct);
        await store.CommitPollAsync(TestAlerts.Commit("g", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var row = (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();

        await store.RescheduleAsync(row.Id, Time.GetUtcNow().AddMinutes(1), "HTTP 500 \0", null, Ct);

        var state = (await store.GetFeedStateAsync("f", Ct)).ShouldNotBeNull();
        (state.ETag, state.LastError).ShouldBe(("\"e\uFFFD\"", "bad byte \uFFFD at 3"));
        (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem().LastError.ShouldBe("HTTP 500 \uFFFD");
    }
}
