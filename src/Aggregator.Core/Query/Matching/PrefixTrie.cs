namespace Aggregator.Core.Query.Matching;

/// <summary>The prefixes of <c>word*</c> terms as a character trie: one walk along a word finds every prefix it starts with.</summary>
internal sealed class PrefixTrie
{
    public Node Root { get; } = new();

    public void Add(string key, int slot)
    {
        var node = Root;
        foreach (var c in key)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var child))
            {
                child = new Node();
                node.Children[c] = child;
            }
            node = child;
        }
        node.Slot = slot;
    }

    internal sealed class Node
    {
        public Dictionary<char, Node>? Children { get; set; }

        public int Slot { get; set; } = -1;

        public Node? Child(char c) => Children is not null && Children.TryGetValue(c, out var child) ? child : null;
    }
}
