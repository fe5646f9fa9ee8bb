using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Storage;

namespace Aggregator.Delivery;

/// <summary>
/// Turns an alert into the outbox rows to queue with its item: one per channel the subscriber has, due
/// at once or at the end of the subscriber's digest window in their time zone. The subscriber's choices apply
/// here and again when the relay claims the row (<see cref="ChoiceFilter"/>): a channel they stopped gets no row,
/// the alert keeps only the rules still counting, and a digest cadence they chose replaces the config's.
/// </summary>
internal static class DeliveryPlanner
{
    public static IReadOnlyList<OutboxDraft> Drafts(Alert alert, SubscriberDefinition subscriber, DateTimeOffset now) =>
        Drafts(alert, subscriber, SubscriberChoices.None(subscriber.Id), now);

    public static IReadOnlyList<OutboxDraft> Drafts(Alert alert, SubscriberDefinition subscriber, SubscriberChoices choices, DateTimeOffset now)
    {
        var due = ChoiceFilter.Effective(subscriber, choices).Digest.NextDue(now, subscriber.TimeZone);
        var drafts = new List<OutboxDraft>(2);
        if (subscriber.Email.Count > 0 && Kept(alert, subscriber.Email, choices, now) is { } byEmail)
            drafts.Add(new OutboxDraft(byEmail, DeliveryChannel.Email, due));
        if (subscriber.Webhook is { } hook && Kept(alert, [hook.Endpoint], choices, now) is { } byWebhook)
            drafts.Add(new OutboxDraft(byWebhook, DeliveryChannel.Webhook, due));
        return drafts;
    }

    private static Alert? Kept(Alert alert, IReadOnlyList<string> recipients, SubscriberChoices choices, DateTimeOffset now)
    {
        if (choices.IsEmpty) return alert;
        var outcome = ChoiceFilter.Apply(alert, recipients, choices, now);
        return outcome.IsSuppressed ? null : alert with { Rules = outcome.Rules };
    }
}
