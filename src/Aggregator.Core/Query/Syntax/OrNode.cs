namespace Aggregator.Core.Query.Syntax;

internal sealed record OrNode(IReadOnlyList<QueryNode> Children, int Column) : QueryNode(Column);
