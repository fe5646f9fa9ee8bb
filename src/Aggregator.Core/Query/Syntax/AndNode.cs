namespace Aggregator.Core.Query.Syntax;

internal sealed record AndNode(IReadOnlyList<QueryNode> Children, int Column) : QueryNode(Column);
