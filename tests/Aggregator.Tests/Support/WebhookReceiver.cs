using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Aggregator.Tests.Support;

/// <summary>
/// A webhook endpoint on 127.0.0.1 (HttpListener). It checks each request's Standard Webhooks signature
/// against <see cref="Secret"/> with its own verification code, records the request, and answers with the
/// next scripted reply (<see cref="DefaultStatus"/> once the script is empty).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    public const string OtherSecret = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24=";

    private readonly LoopbackHttpServer _server;

    public WebhookReceiver() => _server = new LoopbackHttpServer(AnswerAsync);

    public Uri BaseUrl => _server.BaseUrl;

    public Uri Url => new(BaseUrl, "hook");

    public ConcurrentQueue<Reply> Script { get; } = new();

    /// <summary>The status answered once the script is empty.</summary>
    public int DefaultStatus { get; init; } = 200;

    public ConcurrentQueue<Request> Requests { get; } = new();

    /// <summary>Bodies larger than this are answered 413 Content Too Large, as a size-limited endpoint does.</summary>
    public int? MaxBodyBytes { get; init; }

    /// <param name="Hold">When set, the answer waits for it: a slow endpoint.</param>
    public sealed record Reply(int Status, string? RetryAfter = null, string? Location = null, Task? Hold = null);

    public sealed record Request(string Path, string? Id, string? Timestamp, string? Signature, string Body, bool SignatureValid, int AnsweredWith)
    {
        public string? Authorization { get; init; }
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var reply = Encoding.UTF8.GetByteCount(body) > MaxBodyBytes ? new Reply(413)
            : Script.TryDequeue(out var next) ? next : new Reply(DefaultStatus);
        Requests.Enqueue(new Request(context.Request.Url!.AbsolutePath, headers["webhook-id"], headers["webhook-timestamp"],
            headers["webhook-signature"], body, Verify(headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"], body), reply.Status)
        {
            Authorization = headers["Authorization"],
        });
        if (reply.Hold is not null) await reply.Hold;
        context.Response.StatusCode = reply.Status;
        if (reply.RetryAfter is not null) context.Response.Headers["Retry-After"] = reply.RetryAfter;
        if (reply.Location is not null) context.Response.RedirectLocation = reply.Location;
        context.Response.Close();
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
