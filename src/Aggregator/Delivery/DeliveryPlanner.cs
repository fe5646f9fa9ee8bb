using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Storage;

namespace Aggregator.Delivery;

/// <summary>
/// Turns an alert into the outbox rows to queue with its item: one per channel the subscriber has, due
/// at once or at the end of the subscriber's digest window in their time zone.
/// </summary>
internal static class DeliveryPlanner
{
    public static IReadOnlyList<OutboxDraft> Drafts(Alert alert, SubscriberDefinition subscriber, DateTimeOffset now)
    {
        var due = subscriber.Digest.NextDue(now, subscriber.TimeZone);
        var drafts = new List<OutboxDraft>(2);
        if (subscriber.Email.Count > 0) drafts.Add(new OutboxDraft(alert, DeliveryChannel.Email, due));
        if (subscriber.Webhook is not null) drafts.Add(new OutboxDraft(alert, DeliveryChannel.Webhook, due));
        return drafts;
    }
}
