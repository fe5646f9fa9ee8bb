namespace Aggregator.Storage;

/// <summary>How often a rule matched a new item, counted in the transaction that queued the item's alerts.</summary>
internal sealed record RuleStats(string RuleId, long Matches, DateTimeOffset? LastMatchAt);
