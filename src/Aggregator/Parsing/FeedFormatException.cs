namespace Aggregator.Parsing;

/// <summary>The input is not a usable feed; the message is one operator-readable line.</summary>
internal sealed class FeedFormatException : Exception
{
    public FeedFormatException() { }

    public FeedFormatException(string message) : base(message) { }

    public FeedFormatException(string message, Exception innerException) : base(message, innerException) { }
}
