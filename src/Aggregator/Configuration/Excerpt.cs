using Aggregator.Core.Rendering;

namespace Aggregator.Configuration;

/// <summary>
/// How a config error quotes what a file holds: in quotes, on one escaped line, credentials redacted, at most
/// <see cref="MaxLength"/> characters. A file that is not config at all (a symbolic link to a key or a password
/// file) must not have its content echoed by <c>check-config</c> or the log.
/// </summary>
internal static class Excerpt
{
    public const int MaxLength = 40;

    public static string Quote(string? text) => $"'{OneLine.Escape(Urls.Redact(text), MaxLength)}'";
}
