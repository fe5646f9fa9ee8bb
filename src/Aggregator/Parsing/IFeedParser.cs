using Aggregator.Core.Items;

namespace Aggregator.Parsing;

/// <summary>
/// Turns fetched bytes into a <see cref="ParsedFeed"/>: the hardened XML pre-pass (no DTD, no resolver,
/// a character cap), then CodeHollow.FeedReader, then normalisation to plain text with stable item keys.
/// </summary>
internal interface IFeedParser
{
    /// <param name="charset">The HTTP charset, used only when the document declares no encoding.</param>
    /// <exception cref="FeedFormatException">The bytes are not a usable feed; the message says why in one line.</exception>
    ParsedFeed Parse(ReadOnlyMemory<byte> body, string? charset = null);

    /// <summary>As <see cref="Parse(ReadOnlyMemory{byte}, string?)"/>, resolving relative links against the URL the body came from.</summary>
    /// <param name="documentUri">The final URL of the fetch (after redirects); null when unknown.</param>
    ParsedFeed Parse(ReadOnlyMemory<byte> body, string? charset, Uri? documentUri) => Parse(body, charset);
}
