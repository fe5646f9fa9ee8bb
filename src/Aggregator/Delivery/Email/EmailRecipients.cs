using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Who a message goes to and what the server's refusals mean for it. The message itself (To header,
/// Message-Id) is the same on every attempt; a retry after a partial refusal only narrows the SMTP envelope.
/// </summary>
internal static class EmailRecipients
{
    /// <summary>Every address in To once, or only those still pending that the subscriber still lists.</summary>
    public static IReadOnlyList<MailboxAddress> For(DeliveryEnvelope envelope, MimeMessage message)
    {
        // Once each: the refusal count decides whether anyone accepted the message.
        var all = message.To.Mailboxes.DistinctBy(m => m.Address, StringComparer.OrdinalIgnoreCase).ToList();
        if (envelope.Recipients is not { } pending) return all;
        return [.. all.Where(m => pending.Contains(m.Address, StringComparer.OrdinalIgnoreCase))];
    }

    /// <summary>Whether the subscriber has more than one address.</summary>
    public static bool Several(DeliveryEnvelope envelope) =>
        envelope.Subscriber.Email.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Skip(1).Any();

    /// <summary>The subscriber's addresses still to reach, each once, as the config spells them.</summary>
    public static IReadOnlyList<string> Pending(DeliveryEnvelope envelope)
    {
        var all = envelope.Subscriber.Email.Select(a => a.Trim()).Distinct(StringComparer.OrdinalIgnoreCase);
        return envelope.Recipients is { } pending ? [.. all.Where(a => pending.Contains(a, StringComparer.OrdinalIgnoreCase))] : [.. all];
    }

    /// <summary>
    /// The outcome of a send some recipients refused. Temporarily refused ones are retried alone when anyone
    /// else got the message or was refused for good; when all were refused only for now, the message is
    /// retried as it was. A final refusal is never retried: with nobody left to try, the message is done.
    /// </summary>
    /// <param name="anyAccepted">Whether the server took the message for at least one recipient.</param>
    public static DeliveryResult Outcome(IReadOnlyList<RefusedRecipient> refused, bool anyAccepted)
    {
        if (refused.Count == 0) return DeliveryResult.Sent;
        var error = $"recipients refused: {string.Join(", ", refused)}";
        var temporary = refused.Where(r => r.IsTemporary).Select(r => r.Address).ToList();
        if (temporary.Count == 0) return anyAccepted ? new DeliveryResult(DeliveryOutcome.Sent, error) : DeliveryResult.Permanent(error);
        if (!anyAccepted && temporary.Count == refused.Count) return DeliveryResult.Retry(error);
        return DeliveryResult.RetryOnly(temporary, error);
    }
}
