namespace Aggregator.Core.Query.Matching;

/// <summary>A word the text must contain for a regex to match: a folded prefix, or one ideograph exactly.</summary>
internal readonly record struct RegexLiteral(bool IsPrefix, string Key);
