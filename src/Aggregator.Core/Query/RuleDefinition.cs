namespace Aggregator.Core.Query;

/// <summary>A rule as the index needs it.</summary>
/// <param name="FeedIds">The feeds the rule watches, with tags already resolved; null means every feed.</param>
public sealed record RuleDefinition(string Id, string Query, IReadOnlySet<string>? FeedIds);
