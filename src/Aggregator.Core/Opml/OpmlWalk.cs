using System.Xml;

namespace Aggregator.Core.Opml;

/// <summary>One pass over the elements of an OPML file, keeping the folders that enclose the current outline.</summary>
internal sealed class OpmlWalk(XmlReader xml, OpmlLimits limits)
{
    private const int ShownLength = 120;
    private readonly List<OpmlSubscription> _subscriptions = [];
    private readonly List<string> _folders = [];
    private readonly List<OpmlSkipped> _skipped = [];
    // One entry per open outline: its folder name, or null for a feed outline that has children.
    private readonly List<string?> _open = [];
    private string? _title;
    private bool _sawBody;
    private int _outlines;

    public OpmlReadResult Run()
    {
        xml.MoveToContent();
        if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "opml")
            return OpmlReadResult.Refused($"not an OPML file: the document starts with <{xml.LocalName}> where <opml> was expected");
        // Skipping a subtree or reading a title leaves the reader on the next node already.
        var advanced = false;
        while (advanced || xml.Read())
        {
            advanced = false;
            if (xml.NodeType == XmlNodeType.EndElement)
            {
                if (xml.LocalName == "outline" && _open.Count > 0) _open.RemoveAt(_open.Count - 1);
                continue;
            }
            if (xml.NodeType != XmlNodeType.Element) continue;
            switch (xml.LocalName)
            {
                case "title" when _title is null && !_sawBody && xml.Depth == 2:
                    _title = xml.ReadElementContentAsString().Trim();
                    advanced = true;
                    break;
                case "body":
                    _sawBody = true;
                    break;
                case "outline" when _sawBody:
                    if (++_outlines > limits.MaxOutlines)
                        return OpmlReadResult.Refused($"the file holds more than {limits.MaxOutlines} outlines, more than any reader's export");
                    advanced = Outline();
                    break;
            }
        }
        if (!_sawBody) return OpmlReadResult.Refused("not an OPML file: it has no <body>");
        return OpmlReadResult.Read(new OpmlDocument(_title, _subscriptions, _folders, _skipped));
    }

    /// <summary>Takes the outline the reader is on; true when it has moved the reader past it.</summary>
    private bool Outline()
    {
        var attributes = OutlineAttributes.Of(xml);
        var empty = xml.IsEmptyElement;
        var at = Position();
        if (_open.Count >= limits.MaxDepth)
        {
            var what = Shown(attributes.XmlUrl ?? attributes.Name);
            _skipped.Add(new(what, at, $"nested deeper than {limits.MaxDepth} levels; it and the outlines inside it are skipped"));
            if (empty) return false;
            xml.Skip();
            return true;
        }
        if (attributes.XmlUrl is null)
        {
            _folders.Add(string.Join('/', [.. FolderNames(), attributes.Name]));
            if (!empty) _open.Add(attributes.Name);
            return false;
        }
        if (!empty) _open.Add(null);
        var url = attributes.XmlUrl.Trim();
        if (FeedUrls.RejectionOf(url) is { } reason)
        {
            _skipped.Add(new(Shown(attributes.Name.Length > 0 ? $"{attributes.Name} ({url})" : url), at, reason));
            return false;
        }
        var folders = FolderNames().Concat(attributes.Categories).Where(f => f.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        _subscriptions.Add(new(url, attributes.Name, attributes.HtmlUrl, folders));
        return false;
    }

    private IEnumerable<string> FolderNames() => _open.OfType<string>();

    private string Position() => xml is IXmlLineInfo info && info.HasLineInfo() ? $"{info.LineNumber}:{info.LinePosition}" : "?";

    private static string Shown(string text) => text.Length <= ShownLength ? text : string.Concat(text.AsSpan(0, ShownLength), "…");
}
