namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A rule as the index keeps it: a struct, so that an array of them holds what evaluating and reporting a
/// candidate needs side by side (one cache line per candidate) instead of references to objects wherever
/// the heap put them.
/// </summary>
internal readonly record struct CompiledRule(string Id, string Query, IReadOnlySet<string>? FeedIds, Matcher Root);
