namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Collects every distinct folded word and prefix of every rule as a numbered slot, and which rules each slot
/// can trigger. A word has one slot however many rules name it, quoted or as a form of a bare word.
/// </summary>
internal sealed class TermTableBuilder
{
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _prefixes = new(StringComparer.Ordinal);
    private readonly List<List<int>?> _postings = [];
    private readonly List<int> _keyLengths = [];
    private readonly List<bool> _isPrefix = [];
    private readonly List<int> _mentions = [];

    public int SlotCount => _postings.Count;

    /// <summary>The slot of a folded word, compared exactly.</summary>
    public int Word(string key) => Slot(_words, key, prefix: false);

    /// <summary>The slot of a folded prefix (<c>key*</c>).</summary>
    public int Prefix(string key) => Slot(_prefixes, key, prefix: true);

    /// <summary>The slots of the folded words of <paramref name="keys"/>.</summary>
    public int[] Words(IReadOnlyList<string> keys)
    {
        var slots = new int[keys.Count];
        for (var i = 0; i < slots.Length; i++) slots[i] = Word(keys[i]);
        return slots;
    }

    private int Slot(Dictionary<string, int> map, string key, bool prefix)
    {
        if (!map.TryGetValue(key, out var slot))
        {
            slot = _postings.Count;
            map.Add(key, slot);
            _postings.Add(null);
            _keyLengths.Add(key.Length);
            _isPrefix.Add(prefix);
            _mentions.Add(0);
        }
        _mentions[slot]++;
        return slot;
    }

    /// <summary>What each slot is expected to cost as an anchor, from every term registered so far.</summary>
    public SlotCosts Costs() => new([.. _keyLengths], [.. _isPrefix], [.. _mentions]);

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
        var prefixes = _prefixes.Count == 0 ? null : new PrefixTable(_prefixes);
        return new TermTable(_words, prefixes, postings);
    }
}
