using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Aggregator.LoadTest;

/// <summary>
/// A Kestrel server on loopback addresses only (127.0.0.1 and, with several hosts, one 127.1.x.y per host)
/// serving <c>/f/{n}.xml</c> (RSS with an ETag, 304 on a match) after the feed's latency, and receiving
/// webhooks on <c>/hook</c> at once. Kestrel runs each request on its own, so a slow answer holds no one up,
/// and it tells a handler when the client hangs up (<see cref="HttpContext.RequestAborted"/>).
/// </summary>
internal sealed class LoadServer : IAsyncDisposable
{
    private readonly FeedCatalog _catalog;
    private readonly LatencyPlan _latency;
    private readonly FeedHosts _hosts;
    private readonly RunClock _clock;
    private readonly RequestLog _log;
    private readonly CancellationTokenSource _stopping = new();
    private readonly WebApplication _app;

    public LoadServer(FeedCatalog catalog, LatencyPlan latency, FeedHosts hosts, RunClock clock, RequestLog log)
    {
        _catalog = catalog;
        _latency = latency;
        _hosts = hosts;
        _clock = clock;
        _log = log;
        Port = FreePort();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, Port);
            foreach (var address in hosts.All().Where(a => !a.Equals(IPAddress.Loopback))) kestrel.Listen(address, Port);
        });
        _app = builder.Build();
        _app.Run(HandleAsync);
    }

    public int Port { get; }

    public Uri FeedUrl(int feed) => _hosts.FeedUrl(feed, Port);

    public Uri HookUrl => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/hook"));

    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    private async Task HandleAsync(HttpContext context)
    {
        var now = _clock.Now;
        var path = context.Request.Path.Value ?? "";
        var response = context.Response;
        if (path == "/hook")
        {
            try
            {
                using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
                if (body.RootElement.GetProperty("data").TryGetProperty("item", out var item)
                    && item.GetProperty("id").GetString() is { } id)
                    _log.Alert(id, now);
                response.StatusCode = 204;
            }
            catch (JsonException)
            {
                response.StatusCode = 400;
            }
            return;
        }
        if (!path.StartsWith("/f/", StringComparison.Ordinal) || !path.EndsWith(".xml", StringComparison.Ordinal)
            || !int.TryParse(path.AsSpan(3, path.Length - 7), NumberStyles.None, CultureInfo.InvariantCulture, out var feed)
            || feed >= _catalog.Count)
        {
            response.StatusCode = 404;
            return;
        }
        var version = _catalog.LastChange(feed, _catalog.VersionAt(feed, now));
        var etag = string.Create(CultureInfo.InvariantCulture, $"\"v{version}\"");
        var notModified = context.Request.Headers.IfNoneMatch == etag;
        // Logged on arrival: a poll that started on time counts as on time however slowly the feed then answers.
        _log.Request(feed, now, notModified);
        using var open = _log.Open();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        try
        {
            await AnswerAsync(response, feed, version, etag, notModified, linked.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
            if (context.RequestAborted.IsCancellationRequested) _log.Abandoned(now, _clock.Now);
            context.Abort();
        }
    }

    private async Task AnswerAsync(HttpResponse response, int feed, long version, string etag, bool notModified, CancellationToken cancellationToken)
    {
        var latency = _latency.Of(feed);
        if (latency.Class == LatencyClass.Never)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return;
        }
        response.Headers.ETag = etag;
        var trickle = latency.Class == LatencyClass.SlowBody && !notModified;
        if (!trickle)
        {
            // ±20% per request: the same publisher is never exactly as fast twice.
            var think = latency.Seconds * (0.8 + 0.4 * Random.Shared.NextDouble());
            if (think > 0) await Task.Delay(TimeSpan.FromSeconds(think), cancellationToken);
            _log.Served(think);
        }
        else
        {
            _log.Served(0);
        }
        if (notModified)
        {
            response.StatusCode = 304;
            return;
        }
        var bytes = _catalog.Render(feed, version, _clock.StartedAt);
        response.ContentType = "application/rss+xml; charset=utf-8";
        response.ContentLength = bytes.Length;
        if (!trickle)
        {
            await response.Body.WriteAsync(bytes, cancellationToken);
            return;
        }
        await response.StartAsync(cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        const int chunks = 10;
        var pause = TimeSpan.FromSeconds(latency.BodySeconds / chunks);
        var size = (bytes.Length + chunks - 1) / chunks;
        for (var offset = 0; offset < bytes.Length; offset += size)
        {
            await Task.Delay(pause, cancellationToken);
            await response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(size, bytes.Length - offset)), cancellationToken);
            await response.Body.FlushAsync(cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        // Releases the requests held open (never-answering feeds) so Kestrel's stop does not wait for them.
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }
}
