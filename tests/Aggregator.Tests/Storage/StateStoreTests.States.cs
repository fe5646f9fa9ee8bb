using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

public abstract partial class StateStoreTests
{
    [Fact]
    public async Task Sent_rescheduled_and_dead_rows_follow_their_state()
    {
        var store = await OpenAsync();
        var drafts = Enumerable.Range(1, 3).Select(i => ($"k{i}", new[] { TestAlerts.Draft(TestAlerts.Make("ops", $"k{i}")) })).ToArray();
        await store.CommitPollAsync(TestAlerts.Commit("f", drafts), Ct);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.Count.ShouldBe(3);

        await store.MarkSentAsync(claimed[0].Id, Time.GetUtcNow(), null, Ct);
        await store.RescheduleAsync(claimed[1].Id, Time.GetUtcNow().AddMinutes(10), "HTTP 500", null, Ct);
        await store.DeadLetterAsync(claimed[2].Id, Time.GetUtcNow(), "SMTP 550 no such user", Ct);

        Time.Advance(TimeSpan.FromMinutes(9));
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        Time.Advance(TimeSpan.FromMinutes(1));
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem().Id.ShouldBe(claimed[1].Id);

        var counts = (await store.CountDeliveriesAsync(Ct)).ShouldHaveSingleItem();
        counts.ShouldBe(new DeliveryCounts("ops", DeliveryChannel.Email, 1, 1, 1, 1, TestAlerts.Start, counts.LastError, counts.WaitingFor));
        counts.LastError.ShouldNotBeNull();
        counts.WaitingFor.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_sent_or_dead_row_is_not_revived_by_a_late_reschedule()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        await store.MarkSentAsync(claimed[0].Id, Time.GetUtcNow(), null, Ct);
        await store.DeadLetterAsync(claimed[1].Id, Time.GetUtcNow(), "refused", Ct);

        await store.RescheduleAsync(claimed[0].Id, Time.GetUtcNow(), "late failure report", null, Ct);
        await store.RescheduleAsync(claimed[1].Id, Time.GetUtcNow(), "late failure report", null, Ct);
        Time.Advance(TimeSpan.FromMinutes(2));

        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        (await store.OldestDueAsync(Time.GetUtcNow(), Ct)).ShouldBeNull();
    }

    [Fact]
    public async Task Oldest_due_is_the_earliest_pending_message_that_is_due()
    {
        var store = await OpenAsync();
        (await store.OldestDueAsync(Time.GetUtcNow(), Ct)).ShouldBeNull();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("ops", "k1"), dueAt: TestAlerts.Start.AddMinutes(-3))]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("ops", "k2"), dueAt: TestAlerts.Start.AddMinutes(-1))]),
            ("k3", [TestAlerts.Draft(TestAlerts.Make("digest", "k3"), dueAt: TestAlerts.Start.AddHours(1))])), Ct);

        (await store.OldestDueAsync(Time.GetUtcNow(), Ct)).ShouldBe(TestAlerts.Start.AddMinutes(-3));
        var first = (await store.ClaimDueAsync(Time.GetUtcNow(), 1, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        first.DueAt.ShouldBe(TestAlerts.Start.AddMinutes(-3));
        await store.MarkSentAsync(first.Id, Time.GetUtcNow(), null, Ct);
        (await store.OldestDueAsync(Time.GetUtcNow(), Ct)).ShouldBe(TestAlerts.Start.AddMinutes(-1));
    }

    [Fact]
    public async Task Disabling_an_endpoint_dead_letters_that_subscribers_pending_messages()
    {
        var store = await OpenAsync();
        await store.CommitPollAsync(TestAlerts.Commit("f",
            ("k1", [TestAlerts.Draft(TestAlerts.Make("hook", "k1"), DeliveryChannel.Webhook)]),
            ("k2", [TestAlerts.Draft(TestAlerts.Make("hook", "k2"), DeliveryChannel.Webhook), TestAlerts.Draft(TestAlerts.Make("ops", "k2"))])), Ct);
        var endpoint = new DisabledEndpoint("hook", DeliveryChannel.Webhook, "https://hooks.example.org/x", Time.GetUtcNow(), "410 Gone");

        (await store.DisableEndpointAsync(endpoint, Ct)).ShouldBe(2);
        (await OpenPeer().DisableEndpointAsync(endpoint with { DisabledAt = Time.GetUtcNow().AddMinutes(1) }, Ct)).ShouldBe(0);

        (await store.IsEndpointDisabledAsync("hook", DeliveryChannel.Webhook, "https://hooks.example.org/x", Ct)).ShouldBeTrue();
        (await store.IsEndpointDisabledAsync("hook", DeliveryChannel.Webhook, "https://hooks.example.org/new", Ct)).ShouldBeFalse();
        (await store.ListDisabledEndpointsAsync(Ct)).ShouldHaveSingleItem().ShouldBe(endpoint);
        var claimed = await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct);
        claimed.ShouldHaveSingleItem().Alert.SubscriberId.ShouldBe("ops");
        var counts = await store.CountDeliveriesAsync(Ct);
        counts.Single(c => c.SubscriberId == "hook").Dead.ShouldBe(2);
        counts.Single(c => c.SubscriberId == "hook").LastError.ShouldBe("410 Gone");
    }

    [Fact]
    public async Task Feed_state_round_trips_every_field()
    {
        var store = await OpenAsync();
        var state = new FeedState
        {
            FeedId = "world-news", ETag = "\"abc\"", LastModified = "Fri, 27 Nov 2026 09:00:00 GMT", BodyHash = "h",
            LastPollAt = TestAlerts.Start, LastResult = PollOutcome.Failed, LastHttpStatus = 503, LastError = "HTTP 503",
            ConsecutiveFailures = 3, LastNewItemAt = TestAlerts.Start.AddHours(-1), ItemsSeen = 42,
            NotBefore = TestAlerts.Start.AddMinutes(10), Disabled = true, PermanentRedirect = "https://new.example.org/feed",
        };

        await store.SaveFeedStateAsync(state with { ItemsSeen = 1 }, Ct);
        await store.SaveFeedStateAsync(state, Ct);

        (await store.GetFeedStateAsync("world-news", Ct)).ShouldBe(state);
        (await store.GetFeedStateAsync("missing", Ct)).ShouldBeNull();
        (await store.ListFeedStatesAsync(Ct)).ShouldHaveSingleItem().ShouldBe(state);

        var bare = new FeedState { FeedId = "bare" };
        await store.SaveFeedStateAsync(bare, Ct);
        (await OpenPeer().GetFeedStateAsync("bare", Ct)).ShouldBe(bare);
    }

    [Fact]
    public async Task A_commit_saves_the_feed_state_with_the_keys()
    {
        var store = await OpenAsync();
        var commit = TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))]));
        var state = commit.State with { ETag = "\"v2\"", BodyHash = "b2", LastNewItemAt = TestAlerts.Start };

        await store.CommitPollAsync(commit with { State = state }, Ct);

        (await store.GetFeedStateAsync("f", Ct)).ShouldBe(state);
    }

    [Fact]
    public async Task A_commit_that_fails_part_way_leaves_neither_keys_nor_alerts_nor_state()
    {
        var store = await OpenAsync();
        var good = ("good", new[] { TestAlerts.Draft(TestAlerts.Make("ops", "good")) });
        // An unknown channel makes the outbox write throw after the seen keys were inserted in the transaction.
        var broken = ("broken", new[] { TestAlerts.Draft(TestAlerts.Make("ops", "broken"), (DeliveryChannel)99) });

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => store.CommitPollAsync(TestAlerts.Commit("f", good, broken), Ct));

        (await store.FindSeenAsync("f", ["good", "broken"], Ct)).ShouldBeEmpty();
        (await store.GetFeedStateAsync("f", Ct)).ShouldBeNull();
        (await store.ClaimDueAsync(Time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldBeEmpty();
        (await store.CommitPollAsync(TestAlerts.Commit("f", good), Ct)).ShouldBe(1, "the poll after the failure records and queues the item");
    }
}
