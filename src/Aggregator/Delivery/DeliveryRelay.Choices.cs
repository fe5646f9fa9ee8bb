using Aggregator.Configuration;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

internal sealed partial class DeliveryRelay
{
    /// <summary>
    /// The subscriber's choices, read once a pass per subscriber: a choice made after a message was queued (an
    /// unsubscribe, a pause) still stops it.
    /// </summary>
    private async Task<SubscriberChoices> ChoicesAsync(string subscriberId, Dictionary<string, SubscriberChoices> read, CancellationToken cancellationToken)
    {
        if (!read.TryGetValue(subscriberId, out var choices))
            read[subscriberId] = choices = await _choices.GetChoicesAsync(subscriberId, cancellationToken);
        return choices;
    }

    /// <summary>
    /// The claimed rows as the subscriber's choices leave them: each with only the rules still counting and, by email,
    /// only the addresses still receiving them; the rows nobody receives any more are ended as suppressed.
    /// </summary>
    private async Task<List<OutboxMessage>> HonourAsync(
        SubscriberDefinition subscriber, DeliveryChannel channel, List<OutboxMessage> rows, SubscriberChoices choices, DateTimeOffset now)
    {
        if (choices.IsEmpty) return rows;
        var kept = new List<OutboxMessage>(rows.Count);
        foreach (var row in rows)
        {
            IReadOnlyList<string> recipients = channel == DeliveryChannel.Email ? row.PendingRecipients ?? subscriber.Email : [subscriber.Webhook!.Endpoint];
            var outcome = ChoiceFilter.Apply(row.Alert, recipients, choices, now);
            if (outcome.Suppressed is { } reason)
            {
                await _store.SuppressAsync(row.Id, now, reason, CancellationToken.None);
                _metrics.Delivered(ChannelTag(channel), "suppressed", 1);
                _logger.LogInformation("Suppressed alert {AlertId} for {SubscriberId} by {Channel}: {Reason}", row.Alert.AlertId, row.Alert.SubscriberId, channel, reason);
                continue;
            }
            var narrowed = channel == DeliveryChannel.Email && outcome.Recipients.Count < recipients.Count;
            kept.Add(row with
            {
                Alert = row.Alert with { Rules = outcome.Rules },
                PendingRecipients = narrowed ? outcome.Recipients : row.PendingRecipients,
            });
        }
        return kept;
    }
}
