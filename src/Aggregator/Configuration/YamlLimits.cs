using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Aggregator.Configuration;

/// <summary>
/// What one config file may cost to load, checked event by event as YamlDotNet's parser (which does not recurse)
/// hands them to the node builder: nesting (building nodes recurses, and a deep file would overflow the stack),
/// and the nodes the file expands to with every alias counted at the size of what it names (an alias bomb of a
/// few lines expands to billions when the nodes are walked). Far above any real config.
/// </summary>
internal sealed class YamlLimits(IParser inner) : IParser
{
    public const int MaxDepth = 64;

    public const long MaxNodes = 1_000_000;

    /// <summary>Bytes of one config file; a config of 10,000 rules is about 1 MB.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    private readonly Stack<(AnchorName Anchor, long Size)> _open = new();
    private readonly Dictionary<AnchorName, long> _sizes = [];
    private long _total;

    public ParsingEvent? Current => inner.Current;

    /// <exception cref="Exceeded">Past a limit, at the event that crossed it.</exception>
    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        var current = inner.Current!;
        long size;
        switch (current)
        {
            case MappingStart or SequenceStart:
                if (_open.Count >= MaxDepth) throw new Exceeded(current, $"nested deeper than {MaxDepth} levels");
                _open.Push((((NodeEvent)current).Anchor, 1));
                _total++;
                return true;
            case MappingEnd or SequenceEnd:
                var (anchor, collection) = _open.Pop();
                if (!anchor.IsEmpty) _sizes[anchor] = collection;
                size = collection;
                break;
            case Scalar scalar:
                if (!scalar.Anchor.IsEmpty) _sizes[scalar.Anchor] = 1;
                size = 1;
                _total++;
                break;
            case AnchorAlias alias:
                size = _sizes.GetValueOrDefault(alias.Value, 1);
                _total += size;
                break;
            default:
                return true;
        }
        if (_total > MaxNodes) throw new Exceeded(current, $"expands to more than {MaxNodes:N0} nodes (an alias counts as what it names)");
        if (_open.TryPop(out var parent)) _open.Push((parent.Anchor, parent.Size + size));
        return true;
    }

    /// <summary>A file past one of the limits; its message says which.</summary>
    internal sealed class Exceeded(ParsingEvent at, string message) : YamlException(at.Start, at.End, message);
}
