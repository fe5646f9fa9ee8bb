using System.Xml;

namespace Aggregator.Parsing;

/// <summary>
/// Passes a reader's nodes through to whatever builds the document, enforcing <see cref="DocumentLimits"/> as it
/// goes: nesting deeper than <see cref="DocumentLimits.MaxDepth"/> is refused, items past
/// <see cref="DocumentLimits.MaxItems"/> and repeats of one element name in an item past
/// <see cref="DocumentLimits.MaxValuesPerItem"/> are skipped unread, so memory follows what is kept, not what was sent.
/// </summary>
internal sealed class BoundedXmlReader(XmlReader inner) : XmlReader
{
    private readonly Dictionary<string, int> _namesInItem = new(StringComparer.Ordinal);
    private int _itemDepth = -1;
    private bool _positioned;

    public int Items { get; private set; }

    public int SkippedItems { get; private set; }

    public int SkippedValues { get; private set; }

    public override bool Read()
    {
        while (true)
        {
            if (_positioned) _positioned = false;
            else if (!inner.Read()) return false;
            if (inner.NodeType != XmlNodeType.Element) return true;
            var depth = inner.Depth;
            if (depth >= DocumentLimits.MaxDepth)
            {
                var line = (inner as IXmlLineInfo)?.LineNumber ?? 0;
                throw new FeedFormatException($"refused: elements nested deeper than {DocumentLimits.MaxDepth} levels (line {line})");
            }
            if (_itemDepth >= 0 && depth <= _itemDepth) _itemDepth = -1;
            if (_itemDepth < 0 && depth <= 2 && inner.LocalName is "item" or "entry")
            {
                if (++Items <= DocumentLimits.MaxItems)
                {
                    _itemDepth = depth;
                    _namesInItem.Clear();
                    return true;
                }
                SkippedItems++;
                Skip();
                continue;
            }
            if (_itemDepth >= 0 && depth == _itemDepth + 1)
            {
                var name = inner.LocalName;
                var count = _namesInItem.GetValueOrDefault(name) + 1;
                _namesInItem[name] = count;
                if (count > DocumentLimits.MaxValuesPerItem)
                {
                    SkippedValues++;
                    Skip();
                    continue;
                }
            }
            return true;
        }
    }

    /// <summary>Moves past the current element; the node after it is examined by the next <see cref="Read"/>.</summary>
    public override void Skip()
    {
        inner.Skip();
        _positioned = !inner.EOF;
    }

    public override XmlNodeType NodeType => inner.NodeType;

    public override string LocalName => inner.LocalName;

    public override string NamespaceURI => inner.NamespaceURI;

    public override string Prefix => inner.Prefix;

    public override string Value => inner.Value;

    public override int Depth => inner.Depth;

    public override string BaseURI => inner.BaseURI;

    public override bool IsEmptyElement => inner.IsEmptyElement;

    public override int AttributeCount => inner.AttributeCount;

    public override bool EOF => inner.EOF;

    public override ReadState ReadState => inner.ReadState;

    public override XmlNameTable NameTable => inner.NameTable;

    public override string GetAttribute(int i) => inner.GetAttribute(i);

    public override string? GetAttribute(string name) => inner.GetAttribute(name);

    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);

    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);

    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);

    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);

    public override void MoveToAttribute(int i) => inner.MoveToAttribute(i);

    public override bool MoveToElement() => inner.MoveToElement();

    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();

    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();

    public override bool ReadAttributeValue() => inner.ReadAttributeValue();

    public override void ResolveEntity() => inner.ResolveEntity();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
