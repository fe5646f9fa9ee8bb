namespace Aggregator.Core.Query.Syntax;

/// <summary>Both sides within <see cref="Distance"/> word positions of each other, in either order, in one field.</summary>
internal sealed record NearNode(QueryNode Left, QueryNode Right, int Distance, int Column) : QueryNode(Column);
