using System.Net.Http.Headers;

namespace Aggregator.Fetching;

/// <summary>
/// Turns the final (non-redirect) response into an outcome. Only a 2xx body is read, and only up to
/// the cap; an error page is never returned as a feed.
/// </summary>
internal sealed class ResponseReader(long maxBodySize, TimeProvider time)
{
    public async Task<FetchOutcome> ReadAsync(HttpResponseMessage response, FetchRequest request, Uri final, Uri? permanentRedirect, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var etag = Header(response.Headers, "ETag") ?? Header(response.Content.Headers, "ETag");
        var lastModified = Header(response.Content.Headers, "Last-Modified") ?? Header(response.Headers, "Last-Modified");
        switch (status)
        {
            case 304:
                return new FetchOutcome(FetchStatus.NotModified, status, ETag: etag ?? request.ETag,
                    LastModified: lastModified ?? request.LastModified, FinalLocation: final, PermanentRedirect: permanentRedirect);
            case >= 200 and < 300:
                var length = response.Content.Headers.ContentLength;
                if (length > maxBodySize)
                    throw new BodyTooLargeException($"body exceeds {SizeText.Format(maxBodySize)} (Content-Length {length})");
                var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                byte[] body;
                await using (stream)
                {
                    body = await CappedBody.ReadAsync(stream, maxBodySize, length, cancellationToken);
                }
                var contentType = response.Content.Headers.ContentType;
                return new FetchOutcome(FetchStatus.Ok, status, body, contentType?.MediaType, contentType?.CharSet?.Trim('"'),
                    etag, lastModified, final, permanentRedirect);
            case 410:
                return new FetchOutcome(FetchStatus.Gone, status, FinalLocation: final, Error: StatusText(response));
            case 429 or 503:
                return new FetchOutcome(FetchStatus.Throttled, status, FinalLocation: final,
                    RetryAfter: RetryAfter(response.Headers.RetryAfter), Error: StatusText(response));
            default:
                return new FetchOutcome(FetchStatus.Failed, status, FinalLocation: final, Error: StatusText(response));
        }
    }

    /// <summary>"HTTP 404 Not Found".</summary>
    public static string StatusText(HttpResponseMessage response)
    {
        var reason = FailureText.Quote(response.ReasonPhrase ?? "");
        if (reason.Length > 80) reason = reason[..80];
        return reason.Length == 0 ? $"HTTP {(int)response.StatusCode}" : $"HTTP {(int)response.StatusCode} {reason}";
    }

    /// <summary>Retry-After as a delay from now: delta seconds as given, an HTTP date relative to the clock.</summary>
    public TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static string? Header(HttpHeaders headers, string name) =>
        headers.NonValidated.TryGetValues(name, out var values) ? values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v)) : null;
}
