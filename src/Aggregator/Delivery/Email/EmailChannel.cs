using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Storage;
using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Sends alerts by SMTP over one connection per batch, or writes them to the pickup directory when no host
/// is configured (<see cref="MailSession"/>). A digest larger than the server takes goes out in parts that
/// fit, each saying which part it is, so no alert is refused for the size of the others.
/// </summary>
internal sealed class EmailChannel(IDeliverySettings settings, EmailComposer composer) : IDeliveryChannel
{
    /// <summary>Parts are measured with the widest label they could carry, so a part never outgrows its measure.</summary>
    private static readonly DigestPart WidestLabel = new(9999, 9999);

    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<DeliveryEnvelope> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var smtp = settings.Smtp;
        var results = new List<DeliveryResult>(batch.Count);
        if (!MailboxAddress.TryParse(smtp.From, out _))
        {
            // A configuration mistake, not the subscribers' fault: keep their mail until the setting is fixed.
            results.AddRange(batch.Select(_ => DeliveryResult.Retry($"settings.smtp.from '{smtp.From}' is not a valid address")));
            return results;
        }
        await using var session = new MailSession(smtp);
        foreach (var envelope in batch)
        {
            results.Add(cancellationToken.IsCancellationRequested
                ? DeliveryResult.Interrupted
                : await SendOneAsync(session, envelope, smtp, cancellationToken));
        }
        return results;
    }

    private async Task<DeliveryResult> SendOneAsync(MailSession session, DeliveryEnvelope envelope, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        MimeMessage message;
        try
        {
            message = composer.Compose(envelope, smtp);
        }
        catch (ParseException ex)
        {
            return DeliveryResult.Permanent($"invalid address: {ex.Message}");
        }
        var recipients = EmailRecipients.For(envelope, message);
        if (recipients.Count == 0)
        {
            return DeliveryResult.Permanent(envelope.Recipients is null
                ? "no recipient" : "the subscriber no longer lists the addresses still to reach");
        }
        if (!envelope.IsDigest || envelope.Alerts.Count < 2) return (await session.SendAsync(envelope, message, recipients, cancellationToken)).Result;

        var budget = await session.BudgetAsync(cancellationToken);
        var size = MessageSize.Of(message);
        if (size <= budget)
        {
            var whole = await session.SendAsync(envelope, message, recipients, cancellationToken);
            if (!whole.TooLarge) return whole.Result;
            budget = size - 1;
        }
        return await SendInPartsAsync(session, envelope, budget, smtp, cancellationToken);
    }

    /// <summary>
    /// Sends the digest as parts within <paramref name="budget"/>. When the server refuses a part for its size
    /// after all (it announced no limit, or a larger one), the budget shrinks below that part and the parts
    /// not yet sent are split again; the parts already sent keep the numbers they went out with.
    /// </summary>
    private async Task<DeliveryResult> SendInPartsAsync(MailSession session, DeliveryEnvelope envelope, long budget, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        long Measure(IReadOnlyList<Alert> alerts) => MessageSize.Of(composer.Compose(envelope.PartOf(alerts, WidestLabel.Number, WidestLabel.Count), smtp));

        var plan = DigestSplit.Parts(envelope.Alerts, budget, Measure);
        var done = new List<DeliveryPart>(plan.Count);
        var next = 0;
        while (next < plan.Count)
        {
            var part = envelope.PartOf(plan[next], done.Count + 1, done.Count + plan.Count - next);
            if (cancellationToken.IsCancellationRequested)
            {
                done.Add(new DeliveryPart(part, DeliveryResult.Interrupted));
                next++;
                continue;
            }
            var message = composer.Compose(part, smtp);
            var size = MessageSize.Of(message);
            var attempt = await session.SendAsync(part, message, EmailRecipients.For(part, message), cancellationToken);
            if (attempt.TooLarge && part.Alerts.Count > 1)
            {
                budget = Math.Min(budget, size - 1);
                plan = [.. plan.Take(next), .. DigestSplit.Parts([.. plan.Skip(next).SelectMany(p => p)], budget, Measure)];
                continue;
            }
            done.Add(new DeliveryPart(part, attempt.Result));
            next++;
        }
        return DeliveryResult.Split(done);
    }
}
