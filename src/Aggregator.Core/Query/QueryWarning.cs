namespace Aggregator.Core.Query;

/// <summary>A valid query that deserves the operator's attention; <see cref="Column"/> is 1-based.</summary>
public sealed record QueryWarning(string Message, int Column)
{
    public override string ToString() => Message;
}
