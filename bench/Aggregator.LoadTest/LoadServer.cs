using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Aggregator.LoadTest;

/// <summary>
/// One HttpListener on 127.0.0.1 serving <c>/f/{n}.xml</c> (RSS with an ETag, 304 on a match) and
/// receiving webhooks on <c>/hook</c>. Several accept loops keep up with the worker's concurrent requests.
/// </summary>
internal sealed class LoadServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly FeedCatalog _catalog;
    private readonly RunClock _clock;
    private readonly RequestLog _log;
    private readonly List<Task> _loops = [];

    public LoadServer(FeedCatalog catalog, RunClock clock, RequestLog log)
    {
        _catalog = catalog;
        _clock = clock;
        _log = log;
        Port = FreePort();
        _listener.Prefixes.Add(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));
    }

    public int Port { get; }

    public Uri FeedUrl(int feed) => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/f/{feed}.xml"));

    public Uri HookUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/hook"));

    public void Start(int loops, CancellationToken cancellationToken)
    {
        _listener.Start();
        for (var i = 0; i < loops; i++) _loops.Add(Task.Run(() => AcceptLoop(cancellationToken), cancellationToken));
    }

    private async Task AcceptLoop(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested && _listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().WaitAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or OperationCanceledException)
            {
                return;
            }
            try
            {
                await HandleAsync(context);
            }
            catch (Exception ex) when (ex is HttpListenerException or IOException or JsonException)
            {
                context.Response.Abort();
            }
        }
    }

    private async Task HandleAsync(HttpListenerContext context)
    {
        var now = _clock.Now;
        var path = context.Request.Url?.AbsolutePath ?? "";
        var response = context.Response;
        if (path == "/hook")
        {
            using var body = await JsonDocument.ParseAsync(context.Request.InputStream);
            if (body.RootElement.GetProperty("data").TryGetProperty("item", out var item)
                && item.GetProperty("id").GetString() is { } id)
                _log.Alert(id, now);
            response.StatusCode = 204;
            response.Close();
            return;
        }
        if (!path.StartsWith("/f/", StringComparison.Ordinal) || !path.EndsWith(".xml", StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(3, path.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var feed)
            || feed >= _catalog.Count)
        {
            response.StatusCode = 404;
            response.Close();
            return;
        }
        var version = _catalog.LastChange(feed, _catalog.VersionAt(feed, now));
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"v{version}\"");
        var notModified = context.Request.Headers["If-None-Match"] == etag;
        _log.Request(feed, now, notModified);
        response.Headers["ETag"] = etag;
        if (notModified)
        {
            response.StatusCode = 304;
            response.Close();
            return;
        }
        var bytes = _catalog.Render(feed, version, _clock.StartedAt);
        response.ContentType = "application/rss+xml; charset=utf-8";
        response.Close(bytes, willBlock: false);
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        if (_listener.IsListening) _listener.Stop();
        _listener.Close();
    }
}
