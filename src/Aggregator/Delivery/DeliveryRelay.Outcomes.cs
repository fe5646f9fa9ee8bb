using System.Collections.Concurrent;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

internal sealed partial class DeliveryRelay
{
    /// <summary>
    /// Applies a result to the rows it is about: an interrupted message's rows go back to the pool, and each
    /// part of a digest sent in parts settles the rows of its own alerts, so a refused part dead-letters no other.
    /// </summary>
    private async Task SettleAsync(Work work, DeliveryResult result, ConcurrentQueue<long> interrupted)
    {
        if (result.Outcome == DeliveryOutcome.Interrupted)
        {
            foreach (var row in work.Rows) interrupted.Enqueue(row.Id);
            return;
        }
        if (result.Parts is not { } parts)
        {
            await ApplyAsync(work, result);
            return;
        }
        _logger.LogWarning("Digest {MessageId} for {SubscriberId} was too large for the receiver; it goes out in {Parts} parts",
            work.Envelope.MessageId, work.Envelope.Subscriber.Id, parts.Count);
        foreach (var part in parts)
        {
            var ids = part.Envelope.Alerts.Select(a => a.AlertId).ToHashSet(StringComparer.Ordinal);
            await SettleAsync(work with { Envelope = part.Envelope, Rows = [.. work.Rows.Where(r => ids.Contains(r.Alert.AlertId))] }, part.Result, interrupted);
        }
    }

    /// <summary>Records the outcome whatever happens to the host meanwhile: a sent message must not be sent again.</summary>
    private async Task ApplyAsync(Work work, DeliveryResult result)
    {
        var now = _time.GetUtcNow();
        var subscriberId = work.Envelope.Subscriber.Id;
        switch (result.Outcome)
        {
            case DeliveryOutcome.Sent:
                if (result.Error is not null)
                    _logger.LogWarning("Delivered {MessageId} to {SubscriberId} by {Channel} with a problem: {Error}",
                        work.Envelope.MessageId, subscriberId, work.Channel, result.Error);
                foreach (var row in work.Rows) await _store.MarkSentAsync(row.Id, now, result.Error, CancellationToken.None);
                RecordSent(work, now);
                break;
            case DeliveryOutcome.Permanent:
                await DeadLetterAsync(work.Rows, result.Error ?? "refused", CancellationToken.None);
                break;
            case DeliveryOutcome.EndpointGone:
                var url = work.Envelope.Subscriber.Webhook?.Endpoint ?? string.Empty;
                var reason = $"webhook endpoint {url} answered 410 Gone: disabled until its address changes";
                var dead = await _store.DisableEndpointAsync(
                    new DisabledEndpoint(subscriberId, work.Channel, url, now, reason), CancellationToken.None);
                _metrics.Delivered(ChannelTag(work.Channel), "dead", dead);
                _logger.LogError("Subscriber {SubscriberId}: {Reason}; {Count} queued messages dead-lettered", subscriberId, reason, dead);
                foreach (var row in work.Rows) RecordDead(row, reason);
                break;
            default:
                await RetryAsync(work, result, now);
                break;
        }
    }

    private async Task RetryAsync(Work work, DeliveryResult result, DateTimeOffset now)
    {
        var options = _config.Current.Config.Settings.Delivery;
        var error = result.Error ?? "failed";
        var attempts = work.Rows.Max(r => r.Attempts);
        var delay = result.RetryAfter is { } after && after > TimeSpan.Zero ? after : RetryBackoff.Delay(attempts, options, Random);
        foreach (var row in work.Rows)
        {
            var deadline = row.CreatedAt + options.MaxAge;
            if (now >= deadline)
            {
                var dead = row with { PendingRecipients = result.Remaining ?? row.PendingRecipients };
                await DeadLetterAsync([dead], $"not delivered within {Core.Durations.Format(options.MaxAge)}: {error}", CancellationToken.None);
                continue;
            }
            // The last attempt happens at the deadline itself rather than being skipped past it.
            var due = now + delay < deadline ? now + delay : deadline;
            await _store.RescheduleAsync(row.Id, due, error, result.Remaining, CancellationToken.None);
            _metrics.Delivered(ChannelTag(work.Channel), "retry", 1);
        }
        _logger.LogWarning("Delivery of {MessageId} to {SubscriberId} by {Channel} failed (attempt {Attempt}), retrying: {Error}",
            work.Envelope.MessageId, work.Envelope.Subscriber.Id, work.Channel, attempts, error);
    }

    private async Task DeadLetterAsync(IReadOnlyList<OutboxMessage> rows, string error, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        foreach (var row in rows)
        {
            // The other recipients got it; the dead letter and the operators' notice name the ones that never did.
            var rowError = row.PendingRecipients is { Count: > 0 } pending ? $"{error} (never delivered to {string.Join(", ", pending)})" : error;
            await _store.DeadLetterAsync(row.Id, now, rowError, cancellationToken);
            RecordDead(row, rowError);
            _metrics.Delivered(ChannelTag(row.Channel), "dead", 1);
            _logger.LogError("Dead-lettered alert {AlertId} for {SubscriberId} by {Channel}: {Error}",
                row.Alert.AlertId, row.Alert.SubscriberId, row.Channel, rowError);
        }
    }

    /// <summary>Counts and logs each alert of the message once, with how long it took from discovery to delivery.</summary>
    private void RecordSent(Work work, DateTimeOffset now)
    {
        var channel = ChannelTag(work.Channel);
        _metrics.Delivered(channel, "sent", work.Rows.Count);
        foreach (var row in work.Rows)
        {
            _metrics.DeliveryLatency.Record(Math.Max(0, (now - row.Alert.DiscoveredAt).TotalSeconds), new KeyValuePair<string, object?>("channel", channel));
            _logger.LogInformation("Delivered alert {AlertId} to {SubscriberId} by {Channel}", row.Alert.AlertId, row.Alert.SubscriberId, channel);
        }
    }

    private static string ChannelTag(DeliveryChannel channel) => channel.ToString().ToLowerInvariant();
}
