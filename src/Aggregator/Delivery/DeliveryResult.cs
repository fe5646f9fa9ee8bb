namespace Aggregator.Delivery;

/// <summary>What a channel learnt from one send attempt.</summary>
/// <param name="Remaining">
/// For a retry after the receiver took the message for some recipients: the ones still to reach, and the
/// only ones the retry goes to. Null: the retry goes to the same recipients as this attempt.
/// </param>
/// <param name="Parts">For <see cref="DeliveryOutcome.Split"/>: each part sent, with its own result.</param>
internal sealed record DeliveryResult(
    DeliveryOutcome Outcome, string? Error = null, TimeSpan? RetryAfter = null, IReadOnlyList<string>? Remaining = null,
    IReadOnlyList<DeliveryPart>? Parts = null)
{
    public static DeliveryResult Sent { get; } = new(DeliveryOutcome.Sent);

    public static DeliveryResult Retry(string error, TimeSpan? retryAfter = null) => new(DeliveryOutcome.Retry, error, retryAfter);

    public static DeliveryResult RetryOnly(IReadOnlyList<string> remaining, string error) => new(DeliveryOutcome.Retry, error, null, remaining);

    public static DeliveryResult Permanent(string error) => new(DeliveryOutcome.Permanent, error);

    public static DeliveryResult Interrupted { get; } = new(DeliveryOutcome.Interrupted, "interrupted");

    public static DeliveryResult Split(IReadOnlyList<DeliveryPart> parts) => new(DeliveryOutcome.Split, Parts: parts);
}

/// <summary>One part of a digest sent in parts: its envelope (the alerts it held) and what became of it.</summary>
internal sealed record DeliveryPart(DeliveryEnvelope Envelope, DeliveryResult Result);

internal enum DeliveryOutcome
{
    /// <summary>Accepted by the receiver; <see cref="DeliveryResult.Error"/> may note a partial problem (a recipient refused for good).</summary>
    Sent,

    /// <summary>Failed, or unknown whether it arrived, for all or (<see cref="DeliveryResult.Remaining"/>) some recipients: try again later with the same id.</summary>
    Retry,

    /// <summary>The receiver refused it for good: dead-letter at once.</summary>
    Permanent,

    /// <summary>The endpoint asked never to be called again (HTTP 410).</summary>
    EndpointGone,

    /// <summary>
    /// The digest was too large for the receiver and went out in parts (<see cref="DeliveryResult.Parts"/>);
    /// each part's result applies to its own alerts only.
    /// </summary>
    Split,

    /// <summary>
    /// Not attempted, or cut short, because the pass was cancelled (shutdown, pass out of time): due again
    /// at once, not counted as a failure. A cut-short send may have arrived; the resend carries the same id.
    /// </summary>
    Interrupted,
}
