using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Tests.Delivery;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (HttpListener). It checks each request's Standard Webhooks signature
/// against <see cref="Secret"/> with its own verification code, records the request, and answers with the
/// next scripted reply (200 once the script is empty).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string OtherSecret = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";

    private readonly HttpListener _listener = new();
    private readonly Task _running;

    public WebhookReceiver()
    {
        var port = FreePort.Next();
        BaseUrl = new Uri($"http://127.0.0.1:{port}/");
        _listener.Prefixes.Add(BaseUrl.AbsoluteUri);
        _listener.Start();
        _running = ServeAsync();
    }

    public Uri BaseUrl { get; }

    public Uri Url => new(BaseUrl, "hook");

    public ConcurrentQueue<Reply> Script { get; } = new();

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <param name="Hold">When set, the answer waits for it: a slow endpoint.</param>
    public sealed record Reply(int Status, string? RetryAfter = null, string? Location = null, Task? Hold = null);

    public sealed record Request(string Path, string? Id, string? Timestamp, string? Signature, string Body, bool SignatureValid, int AnsweredWith);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var headers = context.Request.Headers;
            var reply = Script.TryDequeue(out var next) ? next : new Reply(200);
            Requests.Enqueue(new Request(context.Request.Url!.AbsolutePath, headers["webhook-id"], headers["webhook-timestamp"],
                headers["webhook-signature"], body, Verify(headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], body), reply.Status));
            if (reply.Hold is not null) await reply.Hold;
            try
            {
                context.Response.StatusCode = reply.Status;
                if (reply.RetryAfter is not null) context.Response.Headers["Retry-After"] = reply.RetryAfter;
                if (reply.Location is not null) context.Response.RedirectLocation = reply.Location;
                context.Response.Close();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or IOException)
            {
                // The sender gave up waiting.
            }
        }
    }

    /// <summary>Valid when one of the space-separated <c>v1,</c> signatures matches the expected HMAC.</summary>
    private static bool Verify(string? id, string? timestamp, string? signatures, string body)
    {
        if (id is null || timestamp is null || signatures is null) return false;
        var key = Convert.FromBase64String(Secret["whsec_".Length..]);
        using var hmac = new HMACSHA256(key);
        var expected = hmac.ComputeHash(Encoding.UTF8.GetBytes(id + "." + timestamp + "." + body));
        foreach (var part in signatures.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var comma = part.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0 || part[..comma] != "v1") continue;
            if (CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(part[(comma + 1)..]), expected)) return true;
        }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _running;
    }
}
