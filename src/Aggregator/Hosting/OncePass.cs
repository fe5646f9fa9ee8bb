using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Pipeline;
using Aggregator.Scheduling;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Hosting;

/// <summary>
/// <c>run --once</c>: every feed polled now, everything then due delivered, and the process ends; for a timer (cron, a
/// systemd timer, a CI job) in place of a resident worker. The same poller, dispatcher and relay as <c>run</c>, so the
/// same guarantees: a message that cannot go out yet (an SMTP outage, a digest not due) stays queued for the next pass.
/// </summary>
internal sealed class OncePass(ActiveConfig config, PollDispatcher dispatcher, DeliveryRelay relay, IOutbox outbox, TimeProvider time, ILogger<OncePass> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var feeds = config.Current.Config.Feeds;
        foreach (var feed in feeds) dispatcher.TryStart(new PollTicket(feed.Id));
        try
        {
            await dispatcher.IdleAsync().WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await dispatcher.StopAsync(CancellationToken.None);
            throw;
        }

        var handled = 0;
        for (int pass; (pass = await relay.RunOnceAsync(cancellationToken)) > 0;) handled += pass;
        await outbox.PruneOutboxAsync(time.GetUtcNow() - DeliveryRelayService.Retention, cancellationToken);
        logger.LogInformation("Polled {Feeds} feeds once; {Deliveries} deliveries handled", feeds.Count, handled);
    }
}
