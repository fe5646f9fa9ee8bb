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
internal sealed class EmailChannel(ActiveConfig config, EmailComposer composer) : IDeliveryChannel
{
    public DeliveryChannel Channel => DeliveryChannel.Email;

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<DeliveryEnvelope> batch, CancellationToken cancellationToken)
    {
        var smtp = config.Current.Config.Settings.Smtp;
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
        // A retry to the one address left of several is still that address's own message, with the same id.
        if (composer.MessagePerAddress && envelope.Address is null && EmailRecipients.Several(envelope))
            return await SendPerAddressAsync(session, envelope, EmailRecipients.Pending(envelope), smtp, cancellationToken);
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

    /// <summary>A message of its own to each address, their outcomes put together per alert (<see cref="AddressOutcomes"/>).</summary>
    private async Task<DeliveryResult> SendPerAddressAsync(
        MailSession session, DeliveryEnvelope envelope, IReadOnlyList<string> addresses, SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var results = new List<AddressOutcomes.Result>(addresses.Count);
        foreach (var address in addresses)
        {
            var result = cancellationToken.IsCancellationRequested
                ? DeliveryResult.Interrupted
                : await SendOneAsync(session, envelope with { Address = address, Recipients = null }, smtp, cancellationToken);
            results.Add(new AddressOutcomes.Result(address, result));
        }
        return AddressOutcomes.Combine(envelope, results);
    }

    /// <summary>The digest in parts within <paramref name="budget"/> (see <see cref="DigestSplit"/>).</summary>
    private Task<DeliveryResult> SendInPartsAsync(MailSession session, DeliveryEnvelope envelope, long budget, SmtpOptions smtp, CancellationToken cancellationToken) =>
        DigestSplit.SendInPartsAsync(envelope, budget, part => MessageSize.Of(composer.Compose(part, smtp)), async (part, ct) =>
        {
            var message = composer.Compose(part, smtp);
            var attempt = await session.SendAsync(part, message, EmailRecipients.For(part, message), ct);
            return new DigestSplit.Attempt(attempt.Result, attempt.TooLarge);
        }, cancellationToken);
}
