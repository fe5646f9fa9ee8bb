using Aggregator.Core.Items;
using Aggregator.Core.Query.Syntax;
using Aggregator.Core.Text;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Scratch state for matching one item at a time: the item's tokens, which term slots occurred where,
/// and the candidate rules. Arrays are reused across items; a generation stamp replaces clearing them.
/// The slots an item hits live in a small hash table rather than an array over every slot: an item hits
/// a few dozen of them, and with thousands of rules a table that small stays in the fastest cache.
/// </summary>
internal sealed class MatchContext
{
    private SlotState[] _slots = new SlotState[256];
    private int _slotMask = 255;
    private int _slotCount;
    private int[] _occToken = new int[256];
    private int[] _occNext = new int[256];
    private int _occCount;
    private int _generation;
    private readonly string?[] _fieldText = new string?[FieldNames.Count];
    private FeedItem? _item;
    private FeedIdentity _feed;

    public TokenTable Tokens { get; } = new();

    /// <summary>The regex time left for the current item and its poll.</summary>
    public RegexBudget RegexBudget { get; private set; } = null!;

    /// <summary>For callers that bound no poll: the default time per item only.</summary>
    public RegexBudget ItemOnlyBudget { get; } = new(TimeProvider.System, RegexBudget.DefaultPerItem, Timeout.InfiniteTimeSpan);

    public WordReader Reader { get; } = new();

    /// <summary>Scratch for the prefix slots one word hits.</summary>
    public int[] PrefixSlots { get; set; } = new int[16];

    public SpanList Left { get; } = new();

    public SpanList Right { get; } = new();

    public List<int> Candidates { get; } = [];

    /// <summary>Scratch list for one rule's evidence, copied out into an array of the exact size.</summary>
    public List<TermMatch> Evidence { get; } = [];

    public void Begin(FeedItem item, FeedIdentity feed, RegexBudget budget)
    {
        _item = item;
        _feed = feed;
        RegexBudget = budget;
        budget.BeginItem();
        Array.Clear(_fieldText);
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_slots);
            _generation = 1;
        }
        _occCount = 0;
        _slotCount = 0;
        Tokens.Clear();
        Candidates.Clear();
    }

    /// <summary>Records that <paramref name="slot"/> occurs at token <paramref name="token"/>; true the first time in this item.</summary>
    public bool AddOccurrence(int slot, int token, Field field)
    {
        if (_occCount == _occToken.Length)
        {
            Array.Resize(ref _occToken, _occCount * 2);
            Array.Resize(ref _occNext, _occCount * 2);
        }
        var occ = _occCount++;
        _occToken[occ] = token;
        _occNext[occ] = -1;
        var i = Find(slot);
        ref var state = ref _slots[i];
        if (state.Stamp != _generation)
        {
            state = new SlotState(_generation, slot, 1 << (int)field, occ, occ);
            if (++_slotCount * 2 > _slots.Length) GrowSlots();
            return true;
        }
        state.Fields |= 1 << (int)field;
        _occNext[state.Tail] = occ;
        state.Tail = occ;
        return false;
    }

    /// <summary>
    /// Adds a rule to evaluate. A rule anchored by several terms the item holds is added once per term:
    /// <see cref="SortCandidates"/> removes the repeats, which costs less than a stamp per rule that every
    /// addition would have to read from an array as long as the rules.
    /// </summary>
    public void AddCandidate(int rule) => Candidates.Add(rule);

    /// <summary>Sorts the candidates into rule order without repeats.</summary>
    public void SortCandidates()
    {
        var candidates = Candidates;
        candidates.Sort();
        var kept = 0;
        for (var i = 0; i < candidates.Count; i++)
            if (kept == 0 || candidates[i] != candidates[kept - 1]) candidates[kept++] = candidates[i];
        candidates.RemoveRange(kept, candidates.Count - kept);
    }

    /// <summary>Whether the slot occurred in this item in one of the fields of <paramref name="mask"/>.</summary>
    public bool Has(int slot, int mask)
    {
        ref readonly var state = ref _slots[Find(slot)];
        return state.Stamp == _generation && (state.Fields & mask) != 0;
    }

    public int FirstOccurrence(int slot)
    {
        ref readonly var state = ref _slots[Find(slot)];
        return state.Stamp == _generation ? state.Head : -1;
    }

    public int NextOccurrence(int occurrence) => _occNext[occurrence];

    public int TokenOf(int occurrence) => _occToken[occurrence];

    /// <summary>
    /// The plain text of a field of the current item, offsets of its tokens pointing into it. Built when first
    /// asked for: most items are explained in one field or none, and joining authors or categories allocates.
    /// </summary>
    public string TextOf(Field field) => _fieldText[(int)field] ??= ItemReader.TextOf(_item!, _feed, field);

    /// <summary>The values of a multi-valued field of the current item (null for a single-valued one).</summary>
    public IReadOnlyList<string>? ValuesOf(Field field) => ItemReader.ValuesOf(_item!, _feed, field);

    /// <summary>Explains a match spanning tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public TermMatch Describe(string term, int first, int last)
    {
        var start = Tokens[first].Start;
        var end = Tokens[last].Start + Tokens[last].Length;
        return DescribeText(term, Tokens[first].Field, start, end - start);
    }

    public TermMatch DescribeText(string term, Field field, int start, int length)
    {
        var text = TextOf(field);
        return new TermMatch(FieldNames.NameOf(field), term, start, length, Snippet.Around(text, start, length));
    }

    /// <summary>Where <paramref name="slot"/> is in the table, or the free entry where it would go.</summary>
    private int Find(int slot)
    {
        var slots = _slots;
        var i = (int)((uint)slot * 0x9E3779B1u >> 8) & _slotMask;
        while (slots[i].Stamp == _generation && slots[i].Slot != slot) i = (i + 1) & _slotMask;
        return i;
    }

    private void GrowSlots()
    {
        var old = _slots;
        _slots = new SlotState[old.Length * 2];
        _slotMask = _slots.Length - 1;
        foreach (var state in old)
            if (state.Stamp == _generation) _slots[Find(state.Slot)] = state;
    }

    /// <summary>One slot the current item hit (valid when <c>Stamp</c> is the current generation): fields seen (one bit per <see cref="Field"/>), first and last occurrence.</summary>
    private struct SlotState(int stamp, int slot, int fields, int head, int tail)
    {
        public int Stamp = stamp;
        public int Slot = slot;
        public int Fields = fields;
        public int Head = head;
        public int Tail = tail;
    }
}
