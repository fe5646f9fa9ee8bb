using System.Threading.Channels;

namespace Aggregator.Delivery;

/// <summary>Wakes the relay early: the poller calls <see cref="Notify"/> after committing new alerts.</summary>
internal sealed class RelaySignal
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _wake.Writer.TryWrite(true);

    /// <summary>Returns when notified or after <paramref name="delay"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(delay, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await _wake.Reader.ReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The delay ran out: time for a regular pass.
        }
    }
}
