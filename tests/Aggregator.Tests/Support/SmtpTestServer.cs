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
/// refuse the message after DATA.
/// </summary>
internal sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    /// <param name="port">A port to listen on, e.g. to bring a server back where a worker expects it; a free one by default.</param>
    public SmtpTestServer(int? port = null)
    {
        Port = port ?? FreePort.Next();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b => b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
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

    internal sealed record Received(MimeMessage Message, IReadOnlyList<string> Recipients);

    private sealed class Store(SmtpTestServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (owner.DataReply is { } code) return new SmtpResponse(code, "scripted refusal");
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            owner.Messages.Enqueue(new Received(message, [.. transaction.To.Select(m => m.AsAddress())]));
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
