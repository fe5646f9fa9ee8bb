using System.Net.Sockets;
using Aggregator.Configuration;
using Aggregator.Storage;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Sends alerts by SMTP over one connection per batch, or writes them to the pickup directory when no
/// host is configured. The server saying no (<see cref="SmtpCommandException"/>) is final for 5xx and
/// retried for 4xx, per recipient when it refuses only some (<see cref="EmailRecipients"/>); a lost
/// connection means the outcome is unknown, so the message is retried with the same Message-Id and the
/// next one gets a fresh connection.
/// </summary>
internal sealed class EmailChannel(IDeliverySettings settings, EmailComposer composer) : IDeliveryChannel
{
    public static TimeSpan CommandTimeout { get; } = TimeSpan.FromSeconds(30);

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
        RecipientTolerantSmtpClient? client = null;
        string? connectError = null;
        try
        {
            foreach (var envelope in batch)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    results.Add(DeliveryResult.Interrupted);
                    continue;
                }
                MimeMessage message;
                try
                {
                    message = composer.Compose(envelope, smtp);
                }
                catch (ParseException ex)
                {
                    results.Add(DeliveryResult.Permanent($"invalid address: {ex.Message}"));
                    continue;
                }
                var recipients = EmailRecipients.For(envelope, message);
                if (recipients.Count == 0)
                {
                    results.Add(DeliveryResult.Permanent(envelope.Recipients is null
                        ? "no recipient" : "the subscriber no longer lists the addresses still to reach"));
                    continue;
                }
                if (string.IsNullOrWhiteSpace(smtp.Host))
                {
                    results.Add(await WritePickupAsync(smtp, envelope, message, cancellationToken));
                    continue;
                }
                if (client is null && connectError is null)
                {
                    try
                    {
                        client = await ConnectAsync(smtp, cancellationToken);
                    }
                    catch (Exception ex) when (IsConnectionFailure(ex) || ex is SmtpCommandException)
                    {
                        // Nothing was sent; the rest of the batch waits for the next pass rather than for more timeouts.
                        connectError = $"cannot connect to SMTP server {smtp.Host}:{smtp.Port}: {ex.GetType().Name}: {ex.Message}";
                    }
                }
                if (client is null)
                {
                    results.Add(cancellationToken.IsCancellationRequested ? DeliveryResult.Interrupted : DeliveryResult.Retry(connectError!));
                    continue;
                }
                try
                {
                    client.BeginMessage(recipients.Count);
                    await client.SendAsync(message, message.From.Mailboxes.First(), recipients, cancellationToken);
                    results.Add(EmailRecipients.Outcome(client.Rejected, anyAccepted: true));
                }
                catch (SmtpCommandException ex)
                {
                    var code = (int)ex.StatusCode;
                    var error = $"SMTP {code} {ex.Message.Trim()}";
                    results.Add(ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && client.Rejected.Count > 0
                        ? EmailRecipients.Outcome(client.Rejected, anyAccepted: false)
                        : code is >= 500 and < 600 ? DeliveryResult.Permanent(error) : DeliveryResult.Retry(error));
                    if (client is { IsConnected: false }) client = await DropAsync(client);
                }
                catch (Exception ex) when (IsConnectionFailure(ex))
                {
                    results.Add(cancellationToken.IsCancellationRequested
                        ? DeliveryResult.Interrupted
                        : DeliveryResult.Retry($"SMTP connection failed, outcome unknown: {ex.GetType().Name}: {ex.Message}"));
                    if (client is not null) client = await DropAsync(client);
                }
            }
        }
        finally
        {
            if (client is not null) await QuitAsync(client);
        }
        return results;
    }

    private static async Task<DeliveryResult> WritePickupAsync(SmtpOptions smtp, DeliveryEnvelope envelope, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await PickupDirectory.WriteAsync(smtp.PickupDirectory, envelope.MessageId, message, cancellationToken);
            return DeliveryResult.Sent;
        }
        catch (OperationCanceledException)
        {
            return DeliveryResult.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return DeliveryResult.Retry($"cannot write to pickup directory {smtp.PickupDirectory}: {ex.Message}");
        }
    }

    private static async Task<RecipientTolerantSmtpClient> ConnectAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        var client = new RecipientTolerantSmtpClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password, cancellationToken);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Ssl => SecureSocketOptions.SslOnConnect,
        SmtpSecurity.None => SecureSocketOptions.None,
        _ => SecureSocketOptions.Auto,
    };

    private static bool IsConnectionFailure(Exception ex) =>
        ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException
            or SslHandshakeException or AuthenticationException or OperationCanceledException or TimeoutException;

    private static async Task<RecipientTolerantSmtpClient?> DropAsync(RecipientTolerantSmtpClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(false, CancellationToken.None);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            // Already broken: nothing more to close.
        }
        client.Dispose();
        return null;
    }

    private static async Task QuitAsync(RecipientTolerantSmtpClient client)
    {
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(true, CancellationToken.None);
        }
        catch (Exception ex) when (IsConnectionFailure(ex) || ex is SmtpCommandException)
        {
            // Every message's outcome is known already; a failed QUIT changes none of them.
        }
        client.Dispose();
    }
}
