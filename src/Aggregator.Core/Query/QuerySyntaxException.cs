namespace Aggregator.Core.Query;

/// <summary>A query that cannot be compiled; <see cref="Column"/> is 1-based within the query text.</summary>
public sealed class QuerySyntaxException : Exception
{
    public QuerySyntaxException(string message, int column)
        : base(message) => Column = column;

    public QuerySyntaxException() { }

    public QuerySyntaxException(string message) : base(message) { }

    public QuerySyntaxException(string message, Exception innerException) : base(message, innerException) { }

    public int Column { get; }
}
