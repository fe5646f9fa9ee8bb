using System.Net.Sockets;
using Aggregator.Configuration;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Aggregator.Delivery.Email;

/// <summary>
/// The way out for one batch of mail: one SMTP connection, opened at the first message and opened again
/// after a lost one, or the pickup directory when no host is configured. The server saying no
/// (<see cref="SmtpCommandException"/>) is final for 5xx and retried for 4xx, per recipient when it refuses
/// only some (<see cref="EmailRecipients"/>); a lost connection means the outcome is unknown, so the
/// message is retried with the same Message-Id.
/// </summary>
internal sealed class MailSession(SmtpOptions smtp) : IAsyncDisposable
{
    public static TimeSpan CommandTimeout { get; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The largest message sent whatever the server accepts: a mailbox further on may take less than the first
    /// hop, and its bounce would come back long after the message was counted delivered.
    /// </summary>
    public const long MaxMessageSize = 10 * 1024 * 1024;

    private RecipientTolerantSmtpClient? _client;
    private string? _connectError;

    private bool UsesPickup => string.IsNullOrWhiteSpace(smtp.Host);

    /// <summary>What one send came to; <see cref="TooLarge"/>: the server refused the message for its size.</summary>
    public readonly record struct Attempt(DeliveryResult Result, bool TooLarge = false);

    /// <summary>The largest message to send: the server's SIZE when it announces one, and never more than <see cref="MaxMessageSize"/>.</summary>
    public async Task<long> BudgetAsync(CancellationToken cancellationToken)
    {
        if (UsesPickup) return MaxMessageSize;
        await EnsureConnectedAsync(cancellationToken);
        return _client is { MaxSize: > 0 } client && client.Capabilities.HasFlag(SmtpCapabilities.Size)
            ? Math.Min(client.MaxSize, MaxMessageSize)
            : MaxMessageSize;
    }

    public async Task<Attempt> SendAsync(DeliveryEnvelope envelope, MimeMessage message, IReadOnlyList<MailboxAddress> recipients, CancellationToken cancellationToken)
    {
        if (UsesPickup) return new Attempt(await WritePickupAsync(envelope, message, cancellationToken));
        await EnsureConnectedAsync(cancellationToken);
        if (_client is not { } client)
            return new Attempt(cancellationToken.IsCancellationRequested ? DeliveryResult.Interrupted : DeliveryResult.Retry(_connectError!));
        try
        {
            client.BeginMessage(recipients.Count);
            await client.SendAsync(message, message.From.Mailboxes.First(), recipients, cancellationToken);
            return new Attempt(EmailRecipients.Outcome(client.Rejected, anyAccepted: true));
        }
        catch (SmtpCommandException ex)
        {
            var code = (int)ex.StatusCode;
            var error = $"SMTP {code} {ex.Message.Trim()}";
            var attempt = ex.ErrorCode == SmtpErrorCode.RecipientNotAccepted && client.Rejected.Count > 0
                ? new Attempt(EmailRecipients.Outcome(client.Rejected, anyAccepted: false))
                : code is >= 500 and < 600 ? new Attempt(DeliveryResult.Permanent(error), IsSizeRefusal(ex)) : new Attempt(DeliveryResult.Retry(error));
            if (!client.IsConnected) await DropAsync();
            return attempt;
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            await DropAsync();
            return new Attempt(cancellationToken.IsCancellationRequested
                ? DeliveryResult.Interrupted
                : DeliveryResult.Retry($"SMTP connection failed, outcome unknown: {ex.GetType().Name}: {ex.Message}"));
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_client is not { } client) return;
        _client = null;
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

    /// <summary>
    /// RFC 1870's 552 (after MAIL FROM with SIZE, or after the data) or the enhanced codes for a message too big
    /// for the system (5.3.4) or over a size policy (5.2.3); a 552 at RCPT TO means a full mailbox instead.
    /// </summary>
    private static bool IsSizeRefusal(SmtpCommandException ex) =>
        ex.ErrorCode != SmtpErrorCode.RecipientNotAccepted
        && ((int)ex.StatusCode == 552 || ex.Message.Contains("5.3.4", StringComparison.Ordinal) || ex.Message.Contains("5.2.3", StringComparison.Ordinal));

    /// <summary>Connects unless connected; after a failed connect the rest of the batch waits for the next pass rather than for more timeouts.</summary>
    private async Task EnsureConnectedAsync(CancellationToken cancellationToken)
    {
        if (_client is not null || _connectError is not null) return;
        var client = new RecipientTolerantSmtpClient { Timeout = (int)CommandTimeout.TotalMilliseconds };
        Socket? socket = null;
        try
        {
            socket = await ConnectSocketAsync(cancellationToken);
            await client.ConnectAsync(socket, smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
                await client.AuthenticateAsync(smtp.Username, smtp.Password, cancellationToken);
            _client = client;
        }
        catch (Exception ex) when (IsConnectionFailure(ex) || ex is SmtpCommandException)
        {
            client.Dispose();
            socket?.Dispose();
            _connectError = $"cannot connect to SMTP server {smtp.Host}:{smtp.Port}: {ex.GetType().Name}: {ex.Message}";
        }
    }

    /// <summary>
    /// The connection with Nagle's algorithm off: MailKit writes a message's closing <c>CRLF.CRLF</c> apart from
    /// its body, and with Nagle on that small write waits for the server's delayed ACK (40 ms on Linux), which
    /// capped one connection at ~20 messages a second.
    /// </summary>
    private async Task<Socket> ConnectSocketAsync(CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(CommandTimeout);
        try
        {
            await socket.ConnectAsync(smtp.Host, smtp.Port, timeout.Token);
            return socket;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"no connection within {CommandTimeout.TotalSeconds:0} s");
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task<DeliveryResult> WritePickupAsync(DeliveryEnvelope envelope, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            await PickupDirectory.WriteAsync(smtp.PickupDirectory, envelope.SendId, message, cancellationToken);
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

    /// <summary>Closes a connection that failed; the next message opens a fresh one.</summary>
    private async Task DropAsync()
    {
        if (_client is not { } client) return;
        _client = null;
        try
        {
            if (client.IsConnected) await client.DisconnectAsync(false, CancellationToken.None);
        }
        catch (Exception ex) when (IsConnectionFailure(ex))
        {
            // Already broken: nothing more to close.
        }
        client.Dispose();
    }
}
