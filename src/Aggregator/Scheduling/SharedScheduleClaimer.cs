using System.Collections.Concurrent;
using Aggregator.Pipeline;
using Aggregator.Storage;
using Aggregator.Storage.Postgres;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Aggregator.Scheduling;

/// <summary>
/// A cluster node's claim tick (<see cref="ClaimTickJob"/>): claims the feeds due in the next moment that no live lease
/// holds, no more than the node has free poll slots (so a busy node leaves work to its peers), hands them to the
/// <see cref="PollDispatcher"/>, and renews the leases of the feeds it still waits for or polls. When the node stops, the
/// claims its abandoned polls held go back at once, so its peers need not wait for them to lapse.
/// </summary>
internal sealed class SharedScheduleClaimer(NpgsqlDataSource source, PollDispatcher dispatcher, TimeProvider time, ILogger<SharedScheduleClaimer> logger)
    : IHostedService
{
    /// <summary>How often a node claims.</summary>
    public static TimeSpan Tick { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How far ahead a claim looks: a feed is claimed before it is due and its poll starts on time.</summary>
    public static TimeSpan Ahead { get; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a claim holds without renewal: how long the feeds of a node that died wait for another.</summary>
    public static TimeSpan Lease { get; } = TimeSpan.FromSeconds(10);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(3);
    private const int MostPerClaim = 500;

    private readonly ConcurrentQueue<(Guid Token, long At)> _recent = new();
    private long _renewed;
    private bool _failing;

    public async Task TickAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (time.GetElapsedTime(_renewed) >= RenewEvery)
            {
                await PostgresPollSchedule.RenewAsync(source, [.. dispatcher.Leases.Select(l => l.Token)], Lease, cancellationToken);
                _renewed = time.GetTimestamp();
            }
            await ClaimAsync(cancellationToken);
            if (_failing) logger.LogInformation("Claiming due feeds works again");
            _failing = false;
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            // Every tick retries; one warning per outage is enough. Feeds claimed before it are polled and committed as usual.
            if (!_failing) logger.LogWarning(ex, "Claiming due feeds failed; retrying every {Tick} ms", Tick.TotalMilliseconds);
            _failing = true;
        }
    }

    private async Task ClaimAsync(CancellationToken cancellationToken)
    {
        while (Math.Min(dispatcher.Free, MostPerClaim) is var wanted && wanted > 0)
        {
            var claims = await PostgresPollSchedule.ClaimAsync(source, wanted, Ahead, Lease, cancellationToken);
            foreach (var claim in claims)
            {
                _recent.Enqueue((claim.Token, time.GetTimestamp()));
                if (!dispatcher.TryStart(new PollTicket(claim.FeedId, LeaseOf(claim))))
                    logger.LogDebug("Feed {FeedId} claimed as the node stops; the claim is handed back", claim.FeedId);
            }
            if (claims.Count < wanted) break;
        }
        while (_recent.TryPeek(out var oldest) && time.GetElapsedTime(oldest.At) > Lease) _recent.TryDequeue(out _);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Runs once the dispatcher has drained (it stops first): a claim made within the last lease that still holds its row
    /// is a poll abandoned by the stop, or one never started. A claim whose poll committed matches no row any more.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PostgresPollSchedule.ReleaseAsync(source, [.. _recent.Select(r => r.Token)], cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or TimeoutException or OperationCanceledException)
        {
            logger.LogWarning(ex, "The feeds claimed by this node could not be handed back; they return when their leases lapse");
        }
    }

    private static ScheduleLease LeaseOf(PostgresPollSchedule.Claim claim)
    {
        var wait = claim.Due > claim.Now ? claim.Due - claim.Now : TimeSpan.Zero;
        var fired = claim.Due > claim.Now ? claim.Due : claim.Now;
        var nextCron = claim.Cron is { } cron ? CronFires.After(cron, fired) ?? DateTimeOffset.MaxValue : (DateTimeOffset?)null;
        return new ScheduleLease(claim.FeedId, claim.Token, claim.Due, wait, nextCron, claim.State);
    }
}
