using System.Net.Http.Headers;
using Aggregator.Configuration;
using Aggregator.Core;
using Aggregator.Network;
using Microsoft.Extensions.Logging;

namespace Aggregator.Fetching;

/// <summary>
/// The one way feeds are downloaded: our own <see cref="HttpClient"/> over the guarded handler,
/// a conditional GET, one deadline for the whole exchange (body included), a size cap counted after
/// decompression, redirects followed by hand with every hop checked again, and a per-host limit.
/// Credentials in the URL go as Basic authentication to its own origin only (<see cref="UrlCredentials"/>).
/// <c>file:</c> locations are read from disk under the same cap.
/// </summary>
internal sealed class FeedFetcher : IFeedFetcher, IDisposable
{
    public const string UserAgent = "Aggregator/1.0 (+feed alert worker)";

    private const string AcceptFeeds =
        "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5";

    private readonly PollingOptions _polling;
    private readonly TimeProvider _time;
    private readonly ILogger<FeedFetcher> _logger;
    private readonly HttpClient _client;
    private readonly HostThrottle _throttle;
    private readonly LocalFileReader _files;
    private readonly ResponseReader _responses;

    public FeedFetcher(PollingOptions polling, NetworkOptions network, TimeProvider time, ILogger<FeedFetcher> logger)
    {
        _polling = polling;
        _time = time;
        _logger = logger;
        // The deadline below bounds each fetch; HttpClient.Timeout would not cover the body anyway.
        _client = GuardedHttpHandler.CreateClient(new NetworkPolicy(network), polling.Timeout);
        _client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", UserAgent);
        _client.DefaultRequestHeaders.TryAddWithoutValidation("Accept", AcceptFeeds);
        _throttle = new HostThrottle(polling.PerHostConcurrency);
        _files = new LocalFileReader(polling.MaxBodySize);
        _responses = new ResponseReader(polling.MaxBodySize, time);
    }

    public async Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var outcome = await FetchCoreAsync(request, cancellationToken);
        FetchLog.Fetched(_logger, Urls.Redact(request.Location), outcome.Status, outcome.HttpStatus, outcome.Error);
        return outcome;
    }

    public void Dispose()
    {
        _client.Dispose();
        _throttle.Dispose();
    }

    private async Task<FetchOutcome> FetchCoreAsync(FetchRequest request, CancellationToken cancellationToken)
    {
        var location = request.Location;
        if (location.IsAbsoluteUri && location.IsFile)
            return await _files.ReadAsync(request, cancellationToken);
        if (LocationRules.Refusal(location) is { } refusal) return Failed(refusal);

        // Waiting for a slot on a busy host is not the host's slowness: the deadline starts after it.
        IDisposable? lease = await _throttle.AcquireAsync(location.IdnHost, cancellationToken);
        using var deadline = new CancellationTokenSource(_polling.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        // From here on every URL is without userinfo: what is requested, reported, stored and used as a base for links.
        var current = UrlCredentials.WithoutUserInfo(location);
        var visited = new HashSet<string>(StringComparer.Ordinal) { LocationRules.Key(current) };
        var redirects = 0;
        var allPermanent = true;
        try
        {
            while (true)
            {
                lease ??= await _throttle.AcquireAsync(current.IdnHost, token);
                using var response = await SendAsync(current, request, UrlCredentials.BasicFor(location, current), token);
                var status = (int)response.StatusCode;
                if (status is not (301 or 302 or 303 or 307 or 308))
                    return await _responses.ReadAsync(response, request, current, redirects > 0 && allPermanent ? current : null, token);

                var raw = response.Headers.NonValidated.TryGetValues("Location", out var values) ? values.FirstOrDefault() : null;
                if (!LocationRules.TryFollow(current, raw, out var followed, out var refusedHop))
                    return Failed($"{refusedHop} (HTTP {status} from {current})", status, current);
                var next = UrlCredentials.WithoutUserInfo(followed);
                if (!visited.Add(LocationRules.Key(next))) return Failed($"redirect loop at {next}", status, current);
                if (++redirects > _polling.MaxRedirects)
                    return Failed($"too many redirects (more than {_polling.MaxRedirects}), last to {next}", status, current);
                if (current.Scheme == Uri.UriSchemeHttps && next.Scheme == Uri.UriSchemeHttp)
                    FetchLog.LeavesHttps(_logger, current, next);
                allPermanent &= status is 301 or 308;
                current = next;
                lease.Dispose();
                lease = null;
            }
        }
        catch (Exception ex) when (cancellationToken.IsCancellationRequested)
        {
            // Whatever broke while the caller was cancelling, the caller asked for cancellation.
            if (ex is OperationCanceledException) throw;
            throw new OperationCanceledException("fetch cancelled", ex, cancellationToken);
        }
        catch (Exception) when (deadline.IsCancellationRequested)
        {
            return Failed($"timed out after {Durations.Format(_polling.Timeout)}", finalLocation: current);
        }
        catch (Exception ex)
        {
            // A remote failure of any kind is an outcome, never an exception: one feed's trouble stops nothing else.
            return Failed(FailureText.Describe(ex, current), finalLocation: current);
        }
        finally
        {
            lease?.Dispose();
        }
    }

    private async Task<HttpResponseMessage> SendAsync(Uri location, FetchRequest request, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(HttpMethod.Get, location);
        message.Headers.Authorization = authorization;
        if (!string.IsNullOrWhiteSpace(request.ETag)) message.Headers.TryAddWithoutValidation("If-None-Match", request.ETag);
        if (!string.IsNullOrWhiteSpace(request.LastModified)) message.Headers.TryAddWithoutValidation("If-Modified-Since", request.LastModified);
        return await _client.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
    }

    private static FetchOutcome Failed(string error, int? httpStatus = null, Uri? finalLocation = null) =>
        new(FetchStatus.Failed, httpStatus, FinalLocation: finalLocation, Error: error);
}
