namespace Aggregator.Core.Query.Syntax;

internal sealed record NotNode(QueryNode Child, int Column) : QueryNode(Column);
