namespace Aggregator.Core.Query.Syntax;

/// <summary><c>title:(...)</c>: the child looks only in <see cref="Fields"/>.</summary>
internal sealed record FieldNode(QueryFields Fields, QueryNode Child, int Column) : QueryNode(Column);
