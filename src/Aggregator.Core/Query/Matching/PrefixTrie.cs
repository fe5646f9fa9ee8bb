namespace Aggregator.Core.Query.Matching;

/// <summary>
/// The prefixes of <c>word*</c> terms as a character trie: one walk along a word finds every prefix it
/// starts with. Edges live in one open-addressing table keyed by (node, character), so a step is one
/// array probe rather than a dictionary per node.
/// </summary>
internal sealed class PrefixTrie
{
    private readonly long[] _edgeKeys;
    private readonly int[] _edgeChildren;
    private readonly int[] _nodeSlots;
    private readonly int _mask;
    private readonly int _shortest;
    private readonly WordFilter _heads;

    public PrefixTrie(IReadOnlyCollection<KeyValuePair<string, int>> prefixes)
    {
        _shortest = prefixes.Min(p => p.Key.Length);
        _heads = new WordFilter(prefixes.Select(p => p.Key[.._shortest]), prefixes.Count);
        var edges = new Dictionary<long, int>();
        var slots = new List<int> { -1 };
        foreach (var (key, slot) in prefixes)
        {
            var node = 0;
            foreach (var c in key)
            {
                var edge = EdgeKey(node, c);
                if (!edges.TryGetValue(edge, out var child))
                {
                    child = slots.Count;
                    slots.Add(-1);
                    edges.Add(edge, child);
                }
                node = child;
            }
            slots[node] = slot;
        }
        var capacity = 4;
        while (capacity < edges.Count * 2) capacity *= 2;
        _mask = capacity - 1;
        _edgeKeys = new long[capacity];
        _edgeChildren = new int[capacity];
        Array.Fill(_edgeKeys, -1L);
        foreach (var (edge, child) in edges)
        {
            var i = Hash(edge) & _mask;
            while (_edgeKeys[i] != -1L) i = (i + 1) & _mask;
            _edgeKeys[i] = edge;
            _edgeChildren[i] = child;
        }
        _nodeSlots = [.. slots];
    }

    /// <summary>
    /// False when no prefix can start <paramref name="word"/>: too short, or its first characters (as many
    /// as the shortest prefix has) begin no prefix. Spares the walk for most words.
    /// </summary>
    public bool MayStart(ReadOnlySpan<char> word) => word.Length >= _shortest && _heads.MayContain(word[.._shortest]);

    /// <summary>The node reached from <paramref name="node"/> by <paramref name="c"/>, or -1. The root is node 0.</summary>
    public int Step(int node, char c)
    {
        var edge = EdgeKey(node, c);
        var i = Hash(edge) & _mask;
        while (true)
        {
            var key = _edgeKeys[i];
            if (key == edge) return _edgeChildren[i];
            if (key == -1L) return -1;
            i = (i + 1) & _mask;
        }
    }

    /// <summary>The term slot of the prefix ending at <paramref name="node"/>, or -1.</summary>
    public int SlotOf(int node) => _nodeSlots[node];

    private static long EdgeKey(int node, char c) => ((long)node << 16) | c;

    private static int Hash(long key) => (int)((ulong)(key * -7046029254386353131L) >> 40);
}
