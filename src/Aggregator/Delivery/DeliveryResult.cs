namespace Aggregator.Delivery;

/// <summary>What a channel learnt from one send attempt.</summary>
internal sealed record DeliveryResult(DeliveryOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null)
{
    public static DeliveryResult Sent { get; } = new(DeliveryOutcome.Sent);

    public static DeliveryResult Retry(string error, TimeSpan? retryAfter = null) => new(DeliveryOutcome.Retry, error, retryAfter);

    public static DeliveryResult Permanent(string error) => new(DeliveryOutcome.Permanent, error);

    public static DeliveryResult Interrupted { get; } = new(DeliveryOutcome.Interrupted, "interrupted");
}

internal enum DeliveryOutcome
{
    /// <summary>Accepted by the receiver; <see cref="DeliveryResult.Error"/> may note a partial problem (a rejected recipient).</summary>
    Sent,

    /// <summary>Failed, or unknown whether it arrived: try again later with the same id.</summary>
    Retry,

    /// <summary>The receiver refused it for good: dead-letter at once.</summary>
    Permanent,

    /// <summary>The endpoint asked never to be called again (HTTP 410).</summary>
    EndpointGone,

    /// <summary>
    /// Not attempted, or cut short, because the pass was cancelled (shutdown, pass out of time): due again
    /// at once, not counted as a failure. A cut-short send may have arrived; the resend carries the same id.
    /// </summary>
    Interrupted,
}
