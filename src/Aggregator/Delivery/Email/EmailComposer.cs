using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.PublicPages;
using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Builds the MIME message for an envelope: multipart/alternative (plain text and HTML), a Message-Id
/// derived from the envelope id so a resend is recognisable, and one <c>X-Aggregator-Rule</c> header per rule.
/// With public pages, the subscriber's links (sealed, so a resend is byte for byte the same) and the headers of
/// RFC 8058 one-click unsubscribe; always <c>List-Id</c> (RFC 2919) for filtering and <c>Auto-Submitted</c>
/// (RFC 3834) against auto-reply loops. The rendered HTML is encoded already; the sanitiser is a second line of defence
/// for anything in it that <see cref="RenderedHtml"/> does not recognise as the renderer's own (and only then loaded).
/// </summary>
internal sealed class EmailComposer(SubscriberLinks subscriberLinks)
{
    public MimeMessage Compose(DeliveryEnvelope envelope, SmtpOptions smtp) =>
        Compose(envelope, smtp, subscriberLinks.Enabled ? LinksFor(envelope) : null);

    /// <param name="links">The subscriber's links per (alert, rule); null when there is no public base URL, and the body has no links line.</param>
    public MimeMessage Compose(DeliveryEnvelope envelope, SmtpOptions smtp, AlertLinkSource? links)
    {
        var content = envelope.IsDigest
            ? AlertMessage.Digest(envelope.Alerts, envelope.Part, links)
            : AlertMessage.Email(envelope.Alerts[0], links);
        var message = new MimeMessage
        {
            MessageId = MessageIdFor(envelope.SendId),
            Date = envelope.Timestamp,
            Subject = content.Subject,
        };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var address in envelope.Address is { } one ? [one] : envelope.Subscriber.Email) message.To.Add(MailboxAddress.Parse(address));
        foreach (var rule in content.RuleIds) message.Headers.Add("X-Aggregator-Rule", rule);
        message.Headers.Add("X-Aggregator-Subscriber", envelope.Subscriber.Id);
        AddListHeaders(message, envelope, content.RuleIds, smtp);
        var body = new BodyBuilder
        {
            TextBody = content.TextBody,
            HtmlBody = RenderedHtml.IsOwn(content.HtmlBody) ? content.HtmlBody : EmailSanitizer.SanitizeDocument(content.HtmlBody),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Whether each address gets its own message: with links, so that an unsubscribe acts for the address that used
    /// it; without links, one message to all the subscriber's addresses is enough.
    /// </summary>
    public bool MessagePerAddress => subscriberLinks.Enabled;

    /// <summary>The address a message's links act for: the one it goes to (a subscriber's only address included).</summary>
    private static string? LinkAddress(DeliveryEnvelope envelope) => envelope.Address ?? (envelope.Subscriber.Email is [var only] ? only : null);

    private AlertLinkSource LinksFor(DeliveryEnvelope envelope)
    {
        var subscriber = envelope.Subscriber.Id;
        var address = LinkAddress(envelope);
        return (alert, ruleId) => new AlertLinks(
            subscriberLinks.Alert(subscriber, address, ruleId, alert.AlertId, alert.Item.Link),
            subscriberLinks.Preferences(subscriber, address),
            subscriberLinks.Unsubscribe(subscriber, address, ruleId));
    }

    private void AddListHeaders(MimeMessage message, DeliveryEnvelope envelope, IReadOnlyList<string> ruleIds, SmtpOptions smtp)
    {
        var single = !envelope.IsDigest && ruleIds.Count == 1 ? ruleIds[0] : null;
        var host = subscriberLinks.Host ?? (MailboxAddress.TryParse(smtp.From, out var from) ? from.Domain : null) ?? "aggregator.invalid";
        message.Headers.Add("List-Id", $"<{single ?? "digest"}.{host}>");
        message.Headers.Add("Auto-Submitted", "auto-generated");
        if (subscriberLinks.Unsubscribe(envelope.Subscriber.Id, LinkAddress(envelope), single) is not { } unsubscribe) return;
        var mailto = subscriberLinks.UnsubscribeAddress is { Length: > 0 } mailbox
            ? $", <mailto:{mailbox}?subject=unsubscribe&body={Uri.EscapeDataString(unsubscribe.AbsoluteUri)}>"
            : "";
        message.Headers.Add("List-Unsubscribe", $"<{unsubscribe.AbsoluteUri}>{mailto}");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }

    /// <summary>Without angle brackets, as MimeKit wants it.</summary>
    public static string MessageIdFor(string envelopeId) => $"{envelopeId}@aggregator";
}
