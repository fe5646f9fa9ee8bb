namespace Aggregator.Storage;

/// <summary>What a replay did: how many dead letters are queued again, and each message it refused with the reason.</summary>
internal sealed record ReplayResult(int Replayed, IReadOnlyList<ReplayRefusal> Refused);

internal sealed record ReplayRefusal(long Id, ReplayRefusalReason Reason);

internal enum ReplayRefusalReason
{
    /// <summary>No message has that id (never queued, or pruned).</summary>
    NotFound,

    /// <summary>The message is queued, retrying or sent: only a dead letter is replayed.</summary>
    NotDead,

    /// <summary>The subscriber's endpoint on that channel refused further messages (<see cref="DisabledEndpoint"/>).</summary>
    EndpointDisabled,
}
