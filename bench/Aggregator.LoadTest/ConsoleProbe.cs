using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Aggregator.LoadTest;

/// <summary>
/// Times the console's pages while the worker polls: after the first interval (the start-up spread), one page every
/// 500 ms in turn, each a fresh request; the report gives each page's count, p50, p95 and max, and any non-200 answer.
/// </summary>
internal sealed class ConsoleProbe(int port, int feeds) : IDisposable
{
    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false, AllowAutoRedirect = false })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}/"),
        Timeout = TimeSpan.FromSeconds(30),
    };

    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, List<double>> _times = [];
    private readonly List<string> _failures = [];

    private string[] Pages =>
    [
        "/", "/feeds", $"/feeds?page={Math.Max(1, feeds / 200)}", $"/feeds/f{feeds / 2}", "/deliveries", "/deliveries?status=sent",
        "/api/status", "/api/dashboard", "/api/feeds?page=2", "/api/deliveries",
    ];

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public void Stop() => _stop.Cancel();

    public async Task RunAsync(TimeSpan warmUp, CancellationToken cancellationToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _stop.Token);
        try
        {
            await Task.Delay(warmUp, linked.Token);
            for (var i = 0; !linked.IsCancellationRequested; i++)
            {
                var page = Pages[i % Pages.Length];
                var watch = Stopwatch.StartNew();
                using var response = await _http.GetAsync(page, linked.Token);
                await response.Content.ReadAsByteArrayAsync(linked.Token);
                var ms = watch.Elapsed.TotalMilliseconds;
                lock (_times)
                {
                    (_times.TryGetValue(page, out var list) ? list : _times[page] = []).Add(ms);
                    if (response.StatusCode != HttpStatusCode.OK) _failures.Add($"{page}: {(int)response.StatusCode}");
                }
                await Task.Delay(500, linked.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // The run is over.
        }
    }

    public string Render()
    {
        var sb = new StringBuilder("\n| console page | requests | p50 | p95 | max |\n|---|---:|---:|---:|---:|\n");
        lock (_times)
        {
            foreach (var (page, list) in _times.OrderBy(p => Array.IndexOf(Pages, p.Key)))
            {
                var sorted = list.Order().ToArray();
                sb.Append(CultureInfo.InvariantCulture,
                    $"| `{page}` | {sorted.Length} | {Percentiles.Of(sorted, 50):F1} ms | {Percentiles.Of(sorted, 95):F1} ms | {sorted[^1]:F1} ms |\n");
            }
            if (_failures.Count > 0) sb.Append(CultureInfo.InvariantCulture, $"\nnot 200: {string.Join(", ", _failures.Take(10))}\n");
        }
        return sb.ToString();
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
    }
}
