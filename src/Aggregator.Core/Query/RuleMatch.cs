namespace Aggregator.Core.Query;

/// <summary>A rule that matched an item, with the evidence.</summary>
public sealed record RuleMatch(string RuleId, string Query, IReadOnlyList<TermMatch> Matches);
