using Aggregator.Configuration;
using Aggregator.Observability;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

/// <summary>
/// Moves due outbox messages to their channels: claims a batch (leased, so a crash returns the claims to
/// the pool), folds a digest subscriber's rows of one window into one message, sends, then marks each row
/// sent, reschedules it with backoff, or dead-letters it once <c>delivery.maxAge</c> has passed.
/// </summary>
internal sealed partial class DeliveryRelay
{
    private readonly IStateStore _store;
    private readonly Dictionary<DeliveryChannel, IDeliveryChannel> _channels;
    private readonly ISubscriberDirectory _subscribers;
    private readonly IDeliverySettings _settings;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryRelay> _logger;
    private readonly AggregatorMetrics _metrics;

    public DeliveryRelay(
        IStateStore store, IEnumerable<IDeliveryChannel> channels, ISubscriberDirectory subscribers,
        IDeliverySettings settings, TimeProvider time, ILogger<DeliveryRelay> logger, AggregatorMetrics metrics)
    {
        _store = store;
        _channels = channels.ToDictionary(c => c.Channel);
        _subscribers = subscribers;
        _settings = settings;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    public int BatchSize { get; init; } = 200;

    /// <summary>Long enough for a whole batch to be sent; a row claimed longer ago is taken as abandoned.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromMinutes(5);

    public Random Random { get; init; } = Random.Shared;

    /// <summary>One claim-and-send pass.</summary>
    /// <returns>The number of outbox rows handled (sent, rescheduled or dead-lettered).</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var claimed = await _store.ClaimDueAsync(now, BatchSize, Lease, cancellationToken);
        if (claimed.Count == 0) return 0;

        var work = new List<Work>();
        foreach (var group in claimed.GroupBy(m => (m.Alert.SubscriberId, m.Channel)))
        {
            var rows = group.ToList();
            var (subscriber, refusal) = await CheckAsync(group.Key.SubscriberId, group.Key.Channel, cancellationToken);
            if (subscriber is null)
            {
                await DeadLetterAsync(rows, refusal!, cancellationToken);
                continue;
            }
            work.AddRange(Envelopes(subscriber, group.Key.Channel, rows));
        }

        foreach (var byChannel in work.GroupBy(w => w.Channel))
        {
            var batch = byChannel.ToList();
            IReadOnlyList<DeliveryResult> results;
            try
            {
                results = await _channels[byChannel.Key].SendAsync([.. batch.Select(w => w.Envelope)], cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // One channel's fault must not stop the others; its messages are retried.
                _logger.LogError(ex, "Delivery channel {Channel} failed", byChannel.Key);
                results = [.. batch.Select(_ => DeliveryResult.Retry($"{ex.GetType().Name}: {ex.Message}"))];
            }
            for (var i = 0; i < batch.Count; i++)
                await ApplyAsync(batch[i], results[i]);
        }
        return claimed.Count;
    }

    private static IEnumerable<Work> Envelopes(SubscriberDefinition subscriber, DeliveryChannel channel, List<OutboxMessage> rows)
    {
        if (subscriber.Digest.Kind == Core.Alerts.DigestKind.Immediate)
        {
            foreach (var row in rows)
                yield return new Work(channel, new DeliveryEnvelope(row.Alert.AlertId, subscriber, [row.Alert], false, row.Alert.DiscoveredAt), [row]);
            yield break;
        }
        // Rows of one window share their due time (the window's end), so they fold into one message.
        foreach (var window in rows.GroupBy(r => r.DueAt))
        {
            var windowRows = window.OrderBy(r => r.Alert.DiscoveredAt).ThenBy(r => r.Id).ToList();
            var id = DigestIds.For(windowRows.Select(r => r.Alert.AlertId));
            yield return new Work(channel, new DeliveryEnvelope(id, subscriber, [.. windowRows.Select(r => r.Alert)], true, window.Key), windowRows);
        }
    }

    /// <summary>The subscriber to send to, or why the rows cannot be delivered any more.</summary>
    private async Task<(SubscriberDefinition? Subscriber, string? Refusal)> CheckAsync(string subscriberId, DeliveryChannel channel, CancellationToken cancellationToken)
    {
        var subscriber = _subscribers.Find(subscriberId);
        if (subscriber is null) return (null, "subscriber removed");
        if (channel == DeliveryChannel.Email && subscriber.Email.Count == 0) return (null, "subscriber has no email address any more");
        if (channel == DeliveryChannel.Webhook)
        {
            if (subscriber.Webhook is null) return (null, "subscriber has no webhook any more");
            if (await _store.IsEndpointDisabledAsync(subscriberId, channel, subscriber.Webhook.Url.AbsoluteUri, cancellationToken))
                return (null, $"webhook endpoint {subscriber.Webhook.Url} is disabled (410 Gone)");
        }
        return (subscriber, null);
    }

    private sealed record Work(DeliveryChannel Channel, DeliveryEnvelope Envelope, IReadOnlyList<OutboxMessage> Rows);
}
