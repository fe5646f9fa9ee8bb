using System.Collections.Concurrent;
using Aggregator.Configuration;
using Aggregator.Pipeline;
using Aggregator.Storage;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aggregator.Scheduling;

/// <summary>
/// Runs this node's polls: at most <c>settings.polling.concurrency</c> at once, never two of one feed. Whatever finds a
/// feed due (this node's schedule, a claim) hands it over and returns at once, so a poll waiting on a slow server holds one of
/// these slots rather than a scheduler thread, and hundreds of fetches can be in flight.
/// </summary>
internal sealed class PollDispatcher : IHostedService, IDisposable
{
    private readonly FeedPoller _poller;
    private readonly TimeProvider _time;
    private readonly ILogger<PollDispatcher> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, Running> _running = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();

    public PollDispatcher(FeedPoller poller, ActiveConfig config, TimeProvider time, ILogger<PollDispatcher> logger)
    {
        _poller = poller;
        _time = time;
        _logger = logger;
        Concurrency = config.Current.Config.Settings.Polling.Concurrency;
        _slots = new SemaphoreSlim(Concurrency, Concurrency);
    }

    /// <summary>The slots, fixed at start.</summary>
    public int Concurrency { get; }

    /// <summary>How many more feeds this node can take now: a claimer takes no more than this, leaving the rest to its peers.</summary>
    public int Free => Math.Max(0, Concurrency - _running.Count);

    /// <summary>The leases of the claimed feeds this node is waiting for or polling, to be renewed while they run.</summary>
    public IReadOnlyList<ScheduleLease> Leases => [.. _running.Values.Select(r => r.Ticket.Lease).OfType<ScheduleLease>()];

    /// <summary>
    /// Starts the poll in the background; false when the node is stopping, or when the feed is being polled here already and
    /// the ticket comes from this node's schedule (that fire is skipped). A claim for a feed still polled here runs once that poll has ended:
    /// the feed's commit lets its lease go a moment before the poll is done here, and the next claim can come in between.
    /// </summary>
    public bool TryStart(PollTicket ticket)
    {
        if (_stopping.IsCancellationRequested) return false;
        var running = new Running(ticket);
        if (_running.TryAdd(ticket.FeedId, running))
        {
            running.Task = RunAsync(running, Task.CompletedTask);
            return true;
        }
        if (ticket.Lease is null || !_running.TryGetValue(ticket.FeedId, out var previous)) return false;
        _running[ticket.FeedId] = running;
        running.Task = RunAsync(running, previous.Task);
        return true;
    }

    /// <summary>Completes when every poll started so far has ended; for tests and the stop.</summary>
    public Task IdleAsync() => Task.WhenAll(_running.Values.Select(r => r.Task));

    private async Task RunAsync(Running running, Task previous)
    {
        await Task.Yield();
        await previous;
        var ticket = running.Ticket;
        try
        {
            if (ticket.Lease is { Wait: var wait } && wait > TimeSpan.Zero) await Task.Delay(wait, _time, _stopping.Token);
            await _slots.WaitAsync(_stopping.Token);
            try
            {
                await _poller.PollAsync(ticket, _stopping.Token);
            }
            finally
            {
                _slots.Release();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Its transaction rolls back; a claimed feed returns to the pool when its lease runs out.
            _logger.LogInformation("Poll of {FeedId} abandoned: the worker is stopping", ticket.FeedId);
        }
        catch (Exception ex)
        {
            // One feed's unexpected failure (e.g. the store unreachable) must not stop the others.
            _logger.LogError(ex, "Poll of {FeedId} failed unexpectedly", ticket.FeedId);
        }
        finally
        {
            _running.TryRemove(new KeyValuePair<string, Running>(ticket.FeedId, running));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Abandons the polls in flight and waits for them to unwind.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        await IdleAsync().WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _slots.Dispose();
    }

    private sealed class Running(PollTicket ticket)
    {
        public PollTicket Ticket { get; } = ticket;
        public Task Task { get; set; } = Task.CompletedTask;
    }
}
