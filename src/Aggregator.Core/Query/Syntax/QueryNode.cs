namespace Aggregator.Core.Query.Syntax;

/// <summary>A node of a parsed query; <see cref="Column"/> is where it starts (1-based).</summary>
internal abstract record QueryNode(int Column);
