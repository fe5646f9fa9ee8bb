using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Text;

namespace Aggregator.Tests.Support;

/// <summary>A real HTTP endpoint on 127.0.0.1 that records every webhook POST and answers 204 (or a scripted status).</summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Received> _requests = new();
    private readonly Task _loop;

    public WebhookReceiver()
    {
        var port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Url = new Uri($"http://127.0.0.1:{port}/hook");
        _loop = Task.Run(ServeAsync);
    }

    public Uri Url { get; }

    /// <summary>The status code to answer with; 204 unless a test changes it.</summary>
    public int Status { get; set; } = 204;

    public IReadOnlyList<Received> Requests => [.. _requests];

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync().ConfigureAwait(false);
            _requests.Enqueue(new Received(context.Request.Headers, body));
            context.Response.StatusCode = Status;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    internal sealed record Received(NameValueCollection Headers, string Body);
}
