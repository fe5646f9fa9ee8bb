namespace Aggregator.Tests.Support;

/// <summary>A request as the loopback server read it off the socket.</summary>
internal sealed record RawRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}
