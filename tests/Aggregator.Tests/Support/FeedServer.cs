using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Tests.Support;

/// <summary>
/// A real HTTP server on 127.0.0.1 that serves one RSS feed whose items a test can change between polls.
/// It answers conditional GETs with 304 when the ETag matches, and counts what it answered.
/// </summary>
internal sealed class FeedServer : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly Lock _gate = new();
    private readonly List<(string Guid, string Title, string Description)> _items = [];
    private readonly List<string?> _authorizations = [];
    private string _body = string.Empty;
    private string _etag = string.Empty;

    public FeedServer(string title = "Loopback World Desk")
    {
        Title = title;
        Render();
        _server = new LoopbackHttpServer(context =>
        {
            Answer(context);
            return Task.CompletedTask;
        });
    }

    public string Title { get; }
    public int Port => _server.Port;
    public Uri FeedUrl => new($"http://127.0.0.1:{Port}/feed.xml");
    public int Requests { get; private set; }
    public int NotModifiedAnswers { get; private set; }
    public int ConditionalRequests { get; private set; }

    /// <summary>The Authorization header of every request, in order (null where there was none).</summary>
    public IReadOnlyList<string?> Authorizations { get { lock (_gate) return [.. _authorizations]; } }

    public void AddItem(string guid, string title, string description)
    {
        lock (_gate)
        {
            _items.Add((guid, title, description));
            Render();
        }
    }

    /// <summary>Serves exactly <paramref name="items"/> from now on, in this order.</summary>
    public void SetItems(params (string Guid, string Title, string Description)[] items)
    {
        lock (_gate)
        {
            _items.Clear();
            _items.AddRange(items);
            Render();
        }
    }

    private void Render()
    {
        var sb = new StringBuilder();
        sb.Append("<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel>");
        sb.Append(CultureInvariant($"<title>{WebUtility.HtmlEncode(Title)}</title><link>https://news.example.org/</link><description>test</description>"));
        foreach (var (guid, title, description) in _items)
        {
            sb.Append(CultureInvariant($"<item><title>{WebUtility.HtmlEncode(title)}</title><link>https://news.example.org/{guid}</link>"));
            sb.Append(CultureInvariant($"<guid isPermaLink=\"false\">{guid}</guid><description>{WebUtility.HtmlEncode(description)}</description></item>"));
        }
        sb.Append("</channel></rss>");
        _body = sb.ToString();
        _etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(_body)))[..16] + "\"";
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);

    private void Answer(HttpListenerContext context)
    {
        string body, etag;
        lock (_gate)
        {
            body = _body;
            etag = _etag;
            Requests++;
            _authorizations.Add(context.Request.Headers["Authorization"]);
        }
        var ifNoneMatch = context.Request.Headers["If-None-Match"];
        using var response = context.Response;
        if (ifNoneMatch is not null)
        {
            lock (_gate) ConditionalRequests++;
        }
        if (ifNoneMatch == etag)
        {
            lock (_gate) NotModifiedAnswers++;
            response.StatusCode = 304;
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = 200;
        response.ContentType = "application/rss+xml; charset=utf-8";
        response.Headers["ETag"] = etag;
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
