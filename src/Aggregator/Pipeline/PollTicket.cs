using Aggregator.Storage;

namespace Aggregator.Pipeline;

/// <summary>A feed to poll: fired by this node's trigger, or claimed from the shared schedule with its lease.</summary>
internal sealed record PollTicket(string FeedId, ScheduleLease? Lease = null);
