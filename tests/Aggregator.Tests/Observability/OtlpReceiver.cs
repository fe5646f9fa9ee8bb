using System.Collections.Concurrent;
using System.Net;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Observability;

/// <summary>An OTLP/HTTP collector stand-in on 127.0.0.1: records every POST (path, content type, body bytes) and answers 200.</summary>
internal sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Export> _exports = new();
    private readonly Task _loop;

    public OtlpReceiver()
    {
        var port = FreePort.Next();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        Endpoint = new Uri($"http://127.0.0.1:{port}");
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>The collector's base address, as an operator writes it in <c>otlpEndpoint</c>.</summary>
    public Uri Endpoint { get; }

    public IReadOnlyList<Export> Exports => [.. _exports];

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
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body).ConfigureAwait(false);
            _exports.Enqueue(new Export(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType, body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }

    internal sealed record Export(string Method, string Path, string? ContentType, byte[] Body)
    {
        /// <summary>Protobuf stores strings as UTF-8 bytes, so names of meters and instruments appear verbatim.</summary>
        public bool Mentions(string text) => Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
    }
}
