using Aggregator.Storage;

namespace Aggregator.Tests.Storage;

/// <summary>The feed states a console page reads: those of one page of feeds, and the few that fail.</summary>
public abstract partial class StateStoreTests
{
    [Fact]
    public async Task A_page_reads_only_its_feeds_states_and_the_failing_ones_are_read_alone()
    {
        var store = await OpenAsync();
        for (var i = 0; i < 30; i++)
        {
            await store.SaveFeedStateAsync(new FeedState
            {
                FeedId = $"feed-{i:00}",
                LastPollAt = TestAlerts.Start,
                ConsecutiveFailures = i % 10 == 3 ? 2 : 0,
                Disabled = i == 29,
            }, Ct);
        }

        var page = await OpenPeer().ListFeedStatesAsync(["feed-01", "feed-13", "feed-99"], Ct);
        page.Select(s => s.FeedId).Order(StringComparer.Ordinal).ShouldBe(["feed-01", "feed-13"]);
        page.Single(s => s.FeedId == "feed-13").ConsecutiveFailures.ShouldBe(2);

        var failing = await OpenPeer().ListFailingFeedStatesAsync(Ct);
        failing.Select(s => s.FeedId).ShouldBe(["feed-03", "feed-13", "feed-23", "feed-29"]);
        failing[^1].Disabled.ShouldBeTrue();
    }
}
