namespace Aggregator.Configuration;

/// <summary>A rule as read, with where its references were written, checked once every file is read.</summary>
internal sealed record PendingRule(RuleConfig Definition, SourceLocation At, IReadOnlyList<Located<string>> Feeds, IReadOnlyList<Located<string>> Notify);
