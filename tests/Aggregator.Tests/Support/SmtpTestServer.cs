using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Aggregator.Tests.Support;

/// <summary>
/// A real SMTP server on 127.0.0.1. Recipients whose local part is <c>temp</c> get 451, <c>perm</c> get 550;
/// <see cref="Refuse"/> scripts a refusal for one address; <see cref="DataReply"/> can make the server
/// refuse the message after DATA; <see cref="SizeLimit"/> refuses larger messages with 552 5.3.4.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    /// <param name="port">A port to listen on, e.g. to bring a server back where a worker expects it; a free one by default.</param>
    /// <param name="maxMessageSize">Announced in EHLO as SIZE (and checked against MAIL FROM's SIZE) and enforced as <see cref="SizeLimit"/>.</param>
    public SmtpTestServer(int? port = null, int? maxMessageSize = null)
    {
        Port = port ?? FreePort.Next();
        SizeLimit = maxMessageSize;
        var builder = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)));
        if (maxMessageSize is { } max) builder = builder.MaxMessageSize(max, MaxMessageSizeHandling.Ignore);
        var options = builder.Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, _) => Interlocked.Increment(ref _sessions);
        _running = server.StartAsync(_stop.Token);
    }

    private int _sessions;

    public int Port { get; }

    public int Sessions => Volatile.Read(ref _sessions);

    public ConcurrentQueue<Received> Messages { get; } = new();

    /// <summary>When set, the reply to the message's data instead of 250.</summary>
    public SmtpReplyCode? DataReply { get; set; }

    /// <summary>Messages of more bytes are refused after their data with 552 5.3.4, announced or not.</summary>
    public int? SizeLimit { get; set; }

    /// <summary>How many messages <see cref="SizeLimit"/> refused.</summary>
    public int SizeRefusals => Volatile.Read(ref _sizeRefusals);

    private int _sizeRefusals;

    /// <summary>Refuses <paramref name="address"/> at RCPT TO with <paramref name="code"/> for its next <paramref name="times"/> attempts.</summary>
    public void Refuse(string address, int code, int times = int.MaxValue) => _refusals[address] = new Refusal(code, times);

    /// <summary>How often each address was offered at RCPT TO, accepted or not.</summary>
    public ConcurrentDictionary<string, int> RecipientAttempts { get; } = new(StringComparer.OrdinalIgnoreCase);

    private readonly ConcurrentDictionary<string, Refusal> _refusals = new(StringComparer.OrdinalIgnoreCase);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception ex) when (ex is OperationCanceledException or TimeoutException)
        {
            // Stopped, or stuck on a session that the test dropped: the port is released with the process.
        }
        _stop.Dispose();
    }

    /// <param name="Size">The message's bytes as the server received them.</param>
    internal sealed record Received(MimeMessage Message, IReadOnlyList<string> Recipients, long Size = 0);

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.DataReply is { } code) return new SmtpResponse(code, "scripted refusal");
            if (buffer.Length > owner.SizeLimit)
            {
                Interlocked.Increment(ref owner._sizeRefusals);
                return new SmtpResponse((SmtpReplyCode)552, "5.3.4 Message size exceeds fixed limit");
            }
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Messages.Enqueue(new Received(message, [.. transaction.To.Select(m => m.AsAddress())], buffer.Length));
            return SmtpResponse.Ok;
        }
    }

    private sealed record Refusal(int Code, int Times);

    private sealed class Filter(SmtpTestServer owner) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken)
        {
            var address = to.AsAddress();
            owner.RecipientAttempts.AddOrUpdate(address, 1, (_, n) => n + 1);
            if (owner._refusals.TryGetValue(address, out var refusal) && refusal.Times > 0)
            {
                owner._refusals[address] = refusal with { Times = refusal.Times - 1 };
                throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)refusal.Code, $"scripted refusal of {address}"));
            }
            return to.User switch
            {
                "temp" => throw new SmtpResponseException(new SmtpResponse((SmtpReplyCode)451, "try again later")),
                "perm" => Task.FromResult(false),
                _ => Task.FromResult(true),
            };
        }
    }
}
