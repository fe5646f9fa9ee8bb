namespace Aggregator.Core.Opml;

/// <summary>
/// One feed of an OPML file. <see cref="Folders"/> holds the enclosing folders, outermost first, then the segments
/// of its <c>category</c> attribute, without repeats.
/// </summary>
internal sealed record OpmlSubscription(string XmlUrl, string Title, string? HtmlUrl, IReadOnlyList<string> Folders);
