using System.Net.Http.Headers;
using System.Text;
using Aggregator.Network;
using Aggregator.Configuration;
using Aggregator.Core.Rendering;
using Aggregator.Storage;

namespace Aggregator.Delivery.Webhooks;

/// <summary>
/// POSTs signed JSON to each subscriber's endpoint, through <see cref="WebhookClients"/> (the network guard
/// when a policy is known; redirects are never followed), with the URL's credentials as Basic authentication.
/// Each attempt gets a fresh <c>webhook-timestamp</c> and signature, and the same <c>webhook-id</c>.
/// </summary>
internal sealed class WebhookChannel(WebhookClients clients, TimeProvider time) : IDeliveryChannel
{
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public DeliveryChannel Channel => DeliveryChannel.Webhook;

    public async Task<IReadOnlyList<DeliveryResult>> SendAsync(IReadOnlyList<DeliveryEnvelope> batch, CancellationToken cancellationToken)
    {
        using var lease = clients.Acquire();
        var client = lease.Value;
        var results = new List<DeliveryResult>(batch.Count);
        var gone = new HashSet<Uri>();
        var unreachable = new Dictionary<Uri, DeliveryResult>();
        foreach (var envelope in batch)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                results.Add(DeliveryResult.Interrupted);
                continue;
            }
            // After a 410 the rest of the batch for that endpoint is not sent: it asked to be left alone.
            if (envelope.Subscriber.Webhook?.Url is { } url && gone.Contains(url))
            {
                results.Add(new DeliveryResult(DeliveryOutcome.EndpointGone, "HTTP 410 Gone"));
                continue;
            }
            // An endpoint that did not answer is not tried again in this batch: one timeout, not one per message.
            if (envelope.Subscriber.Webhook?.Url is { } target && unreachable.TryGetValue(target, out var failure))
            {
                results.Add(failure);
                continue;
            }
            var (result, answered, tooLarge) = await SendOneAsync(client, envelope, cancellationToken);
            if (tooLarge && envelope.IsDigest && envelope.Alerts.Count > 1)
            {
                // HTTP 413: the digest goes out in parts the endpoint takes, as a mail digest does past a server's size limit.
                result = await DigestSplit.SendInPartsAsync(envelope, BodySize(envelope) - 1, BodySize, async (part, ct) =>
                {
                    var (partResult, _, partTooLarge) = await SendOneAsync(client, part, ct);
                    return new DigestSplit.Attempt(partResult, partTooLarge);
                }, cancellationToken);
            }
            if (result.Outcome == DeliveryOutcome.EndpointGone) gone.Add(envelope.Subscriber.Webhook!.Url);
            if (!answered && result.Outcome == DeliveryOutcome.Retry) unreachable[envelope.Subscriber.Webhook!.Url] = result;
            results.Add(result);
        }
        return results;
    }

    /// <summary>The idempotency key a receiver sees; the same for every attempt of the message.</summary>
    public static string WebhookId(DeliveryEnvelope envelope) => $"msg_{envelope?.MessageId}";

    private static string Body(DeliveryEnvelope envelope) => envelope.IsDigest
        ? WebhookPayload.Digest(envelope.Subscriber.Id, envelope.Alerts, envelope.Timestamp)
        : WebhookPayload.Matched(envelope.Alerts[0], envelope.Timestamp);

    private static long BodySize(DeliveryEnvelope envelope) => Encoding.UTF8.GetByteCount(Body(envelope));

    /// <returns>The result, whether the endpoint answered at all, and whether it refused the body for its size (HTTP 413).</returns>
    private async Task<(DeliveryResult Result, bool Answered, bool TooLarge)> SendOneAsync(HttpClient client, DeliveryEnvelope envelope, CancellationToken cancellationToken)
    {
        var target = envelope.Subscriber.Webhook;
        if (target is null) return (DeliveryResult.Permanent("subscriber has no webhook"), false, false);
        var body = Body(envelope);
        var id = WebhookId(envelope);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, UrlCredentials.WithoutUserInfo(target.Url))
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = UrlCredentials.BasicFor(target.Url, target.Url);
        request.Headers.TryAddWithoutValidation("webhook-id", id);
        request.Headers.TryAddWithoutValidation("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (target.Secrets.Count > 0)
        {
            try
            {
                request.Headers.TryAddWithoutValidation("webhook-signature", WebhookSigner.Sign(target.Secrets, id, timestamp, body));
            }
            catch (FormatException)
            {
                return (DeliveryResult.Permanent("webhook secret is not valid base64 after 'whsec_'"), false, false);
            }
        }

        using var deadline = new CancellationTokenSource(AttemptTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token);
            return (Classify(response), true, response.StatusCode == System.Net.HttpStatusCode.RequestEntityTooLarge);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (DeliveryResult.Retry($"no answer from {target.Url.Host} within {Core.Durations.Format(AttemptTimeout)}"), false, false);
        }
        catch (OperationCanceledException)
        {
            return (DeliveryResult.Interrupted, false, false);
        }
        catch (HttpRequestException ex)
        {
            return (DeliveryResult.Retry($"request to {target.Url.Host} failed: {ex.Message}"), false, false);
        }
    }

    private DeliveryResult Classify(HttpResponseMessage response)
    {
        var status = (int)response.StatusCode;
        var reason = $"HTTP {status} {response.ReasonPhrase}".TrimEnd();
        return status switch
        {
            >= 200 and < 300 => DeliveryResult.Sent,
            410 => new DeliveryResult(DeliveryOutcome.EndpointGone, reason),
            // Too large however often it is tried; a digest is split before it comes to this.
            413 => DeliveryResult.Permanent($"{reason}: the endpoint refuses a message this large"),
            >= 300 and < 400 => DeliveryResult.Retry($"{reason}: redirect to {Urls.Redact(response.Headers.Location)} not followed"),
            429 or 503 => DeliveryResult.Retry(reason, RetryAfter(response.Headers.RetryAfter)),
            _ => DeliveryResult.Retry(reason),
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header)
    {
        if (header?.Delta is { } delta) return delta;
        if (header?.Date is { } date) return date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : null;
        return null;
    }
}
