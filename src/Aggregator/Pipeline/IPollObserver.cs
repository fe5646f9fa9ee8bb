using Aggregator.Fetching;

namespace Aggregator.Pipeline;

/// <summary>Told about every poll: metrics, and the relay's wake-up when alerts were queued.</summary>
internal interface IPollObserver
{
    void Fetched(string feedId, FetchStatus status, TimeSpan elapsed);

    void Polled(string feedId, PollResult result);

    /// <summary>After a commit: <paramref name="items"/> new items of the feed matched the rule.</summary>
    void Matched(string feedId, string ruleId, int items);

    void Queued(string feedId, int messages);
}
