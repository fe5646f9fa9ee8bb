namespace Aggregator.Configuration;

/// <summary>A value read from a config file, with where it was written (for cross-reference errors).</summary>
internal sealed record Located<T>(T Value, SourceLocation At);
