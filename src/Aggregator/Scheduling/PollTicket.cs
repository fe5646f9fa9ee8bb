using Aggregator.Storage;

namespace Aggregator.Scheduling;

/// <summary>A feed handed to the <see cref="PollDispatcher"/>: fired by this node's trigger, or claimed from the shared schedule.</summary>
internal sealed record PollTicket(string FeedId, ScheduleLease? Lease = null);
