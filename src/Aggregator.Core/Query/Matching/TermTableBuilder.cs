using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>Collects every distinct term of every rule as a numbered slot, and which rules each slot can trigger.</summary>
internal sealed class TermTableBuilder
{
    private readonly Dictionary<string, int> _exact = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _stem = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prefix = new(StringComparer.Ordinal);
    private readonly List<List<int>?> _postings = [];
    private readonly List<int> _keyLengths = [];
    private readonly List<bool> _prefixes = [];
    private readonly List<int> _mentions = [];

    public int SlotCount => _postings.Count;

    public int Slot(TermKind kind, string key)
    {
        var map = kind switch
        {
            TermKind.Exact => _exact,
            TermKind.Word => _stem,
            _ => _prefix,
        };
        if (!map.TryGetValue(key, out var slot))
        {
            slot = _postings.Count;
            map.Add(key, slot);
            _postings.Add(null);
            _keyLengths.Add(key.Length);
            _prefixes.Add(kind == TermKind.Prefix);
            _mentions.Add(0);
        }
        _mentions[slot]++;
        return slot;
    }

    /// <summary>What each slot is expected to cost as an anchor, from every term registered so far.</summary>
    public SlotCosts Costs() => new([.. _keyLengths], [.. _prefixes], [.. _mentions]);

    /// <summary>Rule <paramref name="rule"/> becomes a candidate whenever <paramref name="slot"/> occurs.</summary>
    public void AddPosting(int slot, int rule)
    {
        var list = _postings[slot] ??= [];
        if (list.Count == 0 || list[^1] != rule) list.Add(rule);
    }

    public TermTable Build()
    {
        var postings = new int[_postings.Count][];
        for (var i = 0; i < postings.Length; i++) postings[i] = _postings[i]?.ToArray() ?? [];
        var prefixes = _prefix.Count == 0 ? null : new PrefixTable(_prefix);
        var words = new Dictionary<string, SlotPair>(_exact.Count + _stem.Count, StringComparer.Ordinal);
        foreach (var (key, slot) in _exact) words[key] = new SlotPair(slot, -1);
        foreach (var (key, slot) in _stem) words[key] = new SlotPair(words.TryGetValue(key, out var pair) ? pair.Exact : -1, slot);
        return new TermTable(words, prefixes, postings);
    }
}
