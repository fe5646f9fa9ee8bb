using MailKit.Net.Smtp;
using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// An SMTP client that lets a message go to the recipients the server accepted when it refuses some of
/// them (MailKit's default fails the whole send). The refused addresses are collected per message with the
/// server's answer; when every recipient is refused the send still fails, and <see cref="Rejected"/> says why.
/// </summary>
internal sealed class RecipientTolerantSmtpClient : SmtpClient
{
    private readonly List<RefusedRecipient> _rejected = [];
    private int _recipients;

    public IReadOnlyList<RefusedRecipient> Rejected => _rejected;

    public void BeginMessage(int recipients)
    {
        _rejected.Clear();
        _recipients = recipients;
    }

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response)
    {
        _rejected.Add(new RefusedRecipient(mailbox.Address, (int)response.StatusCode, response.Response));
        if (_rejected.Count >= _recipients) base.OnRecipientNotAccepted(message, mailbox, response);
    }
}
