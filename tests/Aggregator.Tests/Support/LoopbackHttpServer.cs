using System.Net;

namespace Aggregator.Tests.Support;

/// <summary>
/// A real HTTP server (HttpListener) on a free 127.0.0.1 port that hands every request to a handler,
/// one at a time. The test servers (feeds, webhooks, OTLP) are handlers on top of it.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Func<HttpListenerContext, Task> _handle;
    private readonly Task _loop;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        _handle = handle;
        Port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

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
            try
            {
                await _handle(context).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The client gave up waiting.
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: Stop then Close unregisters the port twice, and the second time briefly binds it again,
        // which fails when another test's server has taken it meanwhile.
        _listener.Close();
        await _loop.ConfigureAwait(false);
    }
}
