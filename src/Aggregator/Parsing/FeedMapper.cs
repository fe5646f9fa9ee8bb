using System.Xml.Linq;
using Aggregator.Core.Items;
using Aggregator.Core.Text;
using CodeHollow.FeedReader.Feeds;
using ChFeed = CodeHollow.FeedReader.Feed;
using ChItem = CodeHollow.FeedReader.FeedItem;

namespace Aggregator.Parsing;

/// <summary>
/// Copies what matching and delivery need out of CodeHollow's objects (which keep the whole document
/// alive) into Core records: plain text, UTC dates, absolute links, stable keys.
/// </summary>
internal static class FeedMapper
{
    /// <param name="documentUri">Where the document was fetched from: the base for relative links.</param>
    /// <param name="notes">What the reader cut already; texts past <see cref="DocumentLimits"/> are shortened and noted here.</param>
    public static ParsedFeed Map(ChFeed feed, string format, Uri? documentUri, ParseNotes notes)
    {
        // Without the fetch URL, an Atom feed's rel="self" link is the next best stand-in for it.
        var selfLink = (feed.SpecificFeed as AtomFeed)?.Links?.FirstOrDefault(l => l.Relation == "self")?.Href;
        var feedBase = Links.BaseFor(feed.SpecificFeed?.Element, documentUri ?? Links.AsBase(selfLink));
        var feedLink = Links.Absolute(feed.Link, feedBase);
        var baseUri = Links.AsBase(feedLink) ?? feedBase;
        var feedAuthors = feed.SpecificFeed is AtomFeed { Element: { } root } ? AtomAuthorsOf(root, notes) : [];
        var items = new List<FeedItem>(feed.Items.Count);
        foreach (var item in feed.Items) items.Add(MapItem(item, Links.BaseFor(item.SpecificItem?.Element, baseUri), feedAuthors, notes));
        var title = feed.SpecificFeed is AtomFeed atom
            ? AtomText.ToPlainText(atom.Element, "title", feed.Title)
            : HtmlText.ToPlainText(feed.Title);
        return new ParsedFeed(Bounded(title, DocumentLimits.MaxShortText, notes), feedLink, format, ItemIdentity.AssignKeys(items))
        {
            Notes = notes.Sentences(),
        };
    }

    /// <summary>At most <paramref name="limit"/> characters, never half a surrogate pair; counted in <paramref name="notes"/> when cut.</summary>
    private static string Bounded(string text, int limit, ParseNotes notes)
    {
        if (text.Length <= limit) return text;
        notes.TruncatedTexts++;
        var end = char.IsHighSurrogate(text[limit - 1]) ? limit - 1 : limit;
        return text[..end];
    }

    /// <param name="feedAuthors">An Atom feed's own authors, which its entries without authors inherit.</param>
    private static FeedItem MapItem(ChItem item, Uri? baseUri, IReadOnlyList<string> feedAuthors, ParseNotes notes)
    {
        var id = item.Id?.Trim();
        if (id is not null && id.StartsWith(JsonFeedInput.MissingIdPrefix, StringComparison.Ordinal)) id = null;
        var (published, updated) = Dates(item);
        var summary = item.SpecificItem switch
        {
            AtomFeedItem atom => atom.Summary,
            JsonFeedItem json => json.Summary,
            _ => item.Description,
        };
        var content = item.SpecificItem switch
        {
            JsonFeedItem json => string.IsNullOrEmpty(json.ContentHtml) ? json.ContentText : json.ContentHtml,
            _ => item.Content,
        };
        // RSS puts the body in <description> when there is no content:encoded; CodeHollow copies it into both.
        if (content == summary && item.SpecificItem is not AtomFeedItem) summary = null;
        return new FeedItem(
            Key: string.Empty,
            Id: string.IsNullOrEmpty(id) ? null : id,
            Title: Bounded(Text(item, "title", string.IsNullOrWhiteSpace(item.Title) ? DublinCoreTitle(item) : item.Title), DocumentLimits.MaxShortText, notes),
            Link: Links.Absolute(string.IsNullOrWhiteSpace(item.Link) ? PermalinkGuid(item) : item.Link, baseUri),
            Published: published,
            Updated: updated,
            Summary: Bounded(Text(item, "summary", summary), DocumentLimits.MaxLongText, notes),
            Content: Bounded(Text(item, "content", content), DocumentLimits.MaxLongText, notes),
            Authors: Authors(item, feedAuthors, notes),
            Categories: Clean(item.Categories ?? [], notes));
    }

    private static string Text(ChItem item, string atomName, string? value) => item.SpecificItem is AtomFeedItem atom
        ? AtomText.ToPlainText(atom.Element, atomName, value)
        : HtmlText.ToPlainText(value);

    private static string? DublinCoreTitle(ChItem item) => item.SpecificItem switch
    {
        Rss20FeedItem rss => rss.DC?.Title,
        Rss10FeedItem rdf => rdf.DC?.Title,
        MediaRssFeedItem media => media.DC?.Title,
        _ => null,
    };

    /// <summary>RSS 2.0: a guid is the item's permalink unless <c>isPermaLink="false"</c>; used when there is no link.</summary>
    private static string? PermalinkGuid(ChItem item)
    {
        if (item.SpecificItem is not (Rss20FeedItem or MediaRssFeedItem)) return null;
        var guid = item.SpecificItem.Element?.Element("guid");
        var isPermaLink = guid?.Attribute("isPermaLink")?.Value.Trim();
        if (guid is null || string.Equals(isPermaLink, "false", StringComparison.OrdinalIgnoreCase)) return null;
        var value = guid.Value.Trim();
        return Links.AsBase(value) is not null ? value : null;
    }

    private static (DateTimeOffset? Published, DateTimeOffset? Updated) Dates(ChItem item) => item.SpecificItem switch
    {
        AtomFeedItem atom => (Utc(atom.PublishedDate), Utc(atom.UpdatedDate)),
        JsonFeedItem json => (Utc(json.DatePublished), Utc(json.DateModified)),
        // RSS 2.0 items dated only by Dublin Core (<dc:date>) are common; CodeHollow reads only <pubDate>.
        Rss20FeedItem rss => (Utc(item.PublishingDate ?? rss.DC?.Date), null),
        MediaRssFeedItem media => (Utc(item.PublishingDate ?? media.DC?.Date), null),
        _ => (Utc(item.PublishingDate), null),
    };

    private static List<string> Authors(ChItem item, IReadOnlyList<string> feedAuthors, ParseNotes notes) => item.SpecificItem switch
    {
        JsonFeedItem { Authors: { Count: > 0 } authors } => Clean(authors.Select(a => a.Name), notes),
        AtomFeedItem { Element: { } entry } => AtomAuthors(entry, feedAuthors, notes),
        Rss20FeedItem rss => Clean([rss.Author, rss.DC?.Creator], notes),
        MediaRssFeedItem media => Clean([media.Author, media.DC?.Creator], notes),
        Rss10FeedItem rdf => Clean([rdf.DC?.Creator], notes),
        _ => Clean([item.Author], notes),
    };

    /// <summary>
    /// RFC 4287 4.2.1: an entry's own authors; without them, those of its atom:source (the feed it was copied
    /// from); without those, its feed's. Read from the XML because CodeHollow keeps only the first author.
    /// </summary>
    private static List<string> AtomAuthors(XElement entry, IReadOnlyList<string> feedAuthors, ParseNotes notes)
    {
        var own = AtomAuthorsOf(entry, notes);
        if (own.Count > 0) return own;
        var source = entry.Element(entry.Name.Namespace + "source");
        var fromSource = source is null ? [] : AtomAuthorsOf(source, notes);
        return fromSource.Count > 0 ? fromSource : [.. feedAuthors];
    }

    /// <summary>
    /// Each atom:author of <paramref name="parent"/> by its name, or its email when it has no name. Atom 1.0
    /// and 0.3 share the shape; the parent's namespace is the one in use (whatever its prefix).
    /// </summary>
    private static List<string> AtomAuthorsOf(XElement parent, ParseNotes notes)
    {
        var atom = parent.Name.Namespace;
        return Clean(parent.Elements(atom + "author").Select(person =>
            person.Element(atom + "name")?.Value is { } personName && !string.IsNullOrWhiteSpace(personName)
                ? personName
                : person.Element(atom + "email")?.Value), notes);
    }

    /// <summary>
    /// Plain text of each value (each at most <see cref="DocumentLimits.MaxShortText"/> characters), empty ones and
    /// repeats dropped, in order, at most <see cref="DocumentLimits.MaxValuesPerItem"/> of them.
    /// </summary>
    private static List<string> Clean(IEnumerable<string?> values, ParseNotes notes)
    {
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var text = Bounded(HtmlText.ToPlainText(value), DocumentLimits.MaxShortText, notes);
            if (text.Length > 0 && seen.Add(text)) result.Add(text);
            if (result.Count == DocumentLimits.MaxValuesPerItem) break;
        }
        return result;
    }

    private static DateTimeOffset? Utc(DateTime? value) => value switch
    {
        null => null,
        { Kind: DateTimeKind.Local } local => new DateTimeOffset(local.ToUniversalTime(), TimeSpan.Zero),
        { } other => new DateTimeOffset(DateTime.SpecifyKind(other, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
