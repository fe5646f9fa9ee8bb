namespace Aggregator.Fetching;

/// <summary>A body (counted after decompression) went past <c>polling.maxBodySize</c>; the message says so in one line.</summary>
internal sealed class BodyTooLargeException : Exception
{
    public BodyTooLargeException() { }

    public BodyTooLargeException(string message) : base(message) { }

    public BodyTooLargeException(string message, Exception innerException) : base(message, innerException) { }
}
