namespace Aggregator.Core.Query.Matching;

internal sealed record CompiledRule(string Id, string Query, IReadOnlySet<string>? FeedIds, Matcher Root);
