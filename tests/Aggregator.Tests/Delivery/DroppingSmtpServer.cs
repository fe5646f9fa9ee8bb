using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aggregator.Tests.Delivery;

/// <summary>
/// A hand-rolled SMTP peer that accepts everything, reads the whole message, then closes the connection
/// instead of answering: the sender cannot know whether the message was taken.
/// </summary>
internal sealed class DroppingSmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _messages;

    public DroppingSmtpServer()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _running = AcceptAsync();
    }

    public int Port { get; }

    /// <summary>Messages read to their final dot and then dropped.</summary>
    public int MessagesDropped => Volatile.Read(ref _messages);

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                await ServeAsync(client);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or SocketException or IOException)
        {
            // Stopping.
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost ready");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ')[0].ToUpperInvariant();
            if (verb == "EHLO") await writer.WriteAsync("250-localhost\r\n250 8BITMIME\r\n");
            else if (verb == "DATA")
            {
                await writer.WriteLineAsync("354 go ahead");
                while (await reader.ReadLineAsync(_stop.Token) is { } data && data != ".") { }
                Interlocked.Increment(ref _messages);
                client.Client.LingerState = new LingerOption(true, 0);
                return;
            }
            else if (verb == "QUIT")
            {
                await writer.WriteLineAsync("221 bye");
                return;
            }
            else await writer.WriteLineAsync("250 ok");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _running;
        _stop.Dispose();
    }
}
