using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Ganss.Xss;
using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Builds the MIME message for an envelope: multipart/alternative (plain text and HTML), a Message-Id
/// derived from the envelope id so a resend is recognisable, and one <c>X-Aggregator-Rule</c> header per rule.
/// The rendered HTML is encoded already; the sanitiser is a second line of defence.
/// </summary>
internal sealed class EmailComposer
{
    private readonly HtmlSanitizer _sanitizer = EmailSanitizer.Create();

    /// <param name="links">The subscriber's links per (alert, rule); null when there is no public base URL, and the body has no links line.</param>
    public MimeMessage Compose(DeliveryEnvelope envelope, SmtpOptions smtp, AlertLinkSource? links = null)
    {
        var content = envelope.IsDigest
            ? AlertMessage.Digest(envelope.Alerts, envelope.Part, links)
            : AlertMessage.Email(envelope.Alerts[0], links);
        var message = new MimeMessage
        {
            MessageId = MessageIdFor(envelope.MessageId),
            Date = envelope.Timestamp,
            Subject = content.Subject,
        };
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var address in envelope.Subscriber.Email) message.To.Add(MailboxAddress.Parse(address));
        foreach (var rule in content.RuleIds) message.Headers.Add("X-Aggregator-Rule", rule);
        message.Headers.Add("X-Aggregator-Subscriber", envelope.Subscriber.Id);
        var body = new BodyBuilder
        {
            TextBody = content.TextBody,
            HtmlBody = _sanitizer.SanitizeDocument(content.HtmlBody),
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    /// <summary>Without angle brackets, as MimeKit wants it.</summary>
    public static string MessageIdFor(string envelopeId) => $"{envelopeId}@aggregator";
}
