using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>A feed to poll: due on this node's schedule, or claimed from the shared schedule with its lease.</summary>
internal sealed record PollTicket(string FeedId, ScheduleLease? Lease = null);
