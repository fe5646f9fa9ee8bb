namespace Aggregator.Pipeline;

/// <summary>Told about every poll: metrics, and the relay's wake-up when alerts were queued.</summary>
internal interface IPollObserver
{
    void Polled(string feedId, PollResult result);

    void Queued(string feedId, int messages);
}
