using Aggregator.Core.Query.Syntax;
using Aggregator.Core.Text;

namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Scratch state for matching one item at a time: the item's tokens, which term slots occurred where,
/// and the candidate rules. Arrays are reused across items; a generation stamp replaces clearing them.
/// </summary>
internal sealed class MatchContext
{
    private readonly SlotState[] _slots;
    private readonly int[] _ruleStamp;
    private int[] _occToken = new int[256];
    private int[] _occNext = new int[256];
    private int _occCount;
    private int _generation;

    public MatchContext(int slotCount, int ruleCount)
    {
        _slots = new SlotState[slotCount];
        _ruleStamp = new int[ruleCount];
    }

    public TokenTable Tokens { get; } = new();

    public string[] FieldText { get; } = new string[FieldNames.Count];

    public WordReader Reader { get; } = new();

    public char[] StemBuffer { get; set; } = new char[64];

    public SpanList Left { get; } = new();

    public SpanList Right { get; } = new();

    public List<int> Candidates { get; } = [];

    /// <summary>Scratch list for one rule's evidence, copied out into an array of the exact size.</summary>
    public List<TermMatch> Evidence { get; } = [];

    public void Begin()
    {
        if (++_generation == int.MaxValue)
        {
            Array.Clear(_slots);
            Array.Clear(_ruleStamp);
            _generation = 1;
        }
        _occCount = 0;
        Tokens.Clear();
        Candidates.Clear();
    }

    /// <summary>Records that <paramref name="slot"/> occurs at token <paramref name="token"/>; true the first time in this item.</summary>
    public bool AddOccurrence(int slot, int token, int field)
    {
        if (_occCount == _occToken.Length)
        {
            Array.Resize(ref _occToken, _occCount * 2);
            Array.Resize(ref _occNext, _occCount * 2);
        }
        var occ = _occCount++;
        _occToken[occ] = token;
        _occNext[occ] = -1;
        ref var state = ref _slots[slot];
        if (state.Stamp != _generation)
        {
            state = new SlotState(_generation, 1 << field, occ, occ);
            return true;
        }
        state.Fields |= 1 << field;
        _occNext[state.Tail] = occ;
        state.Tail = occ;
        return false;
    }

    public void AddCandidate(int rule)
    {
        if (_ruleStamp[rule] == _generation) return;
        _ruleStamp[rule] = _generation;
        Candidates.Add(rule);
    }

    /// <summary>Whether the slot occurred in this item in one of the fields of <paramref name="mask"/>.</summary>
    public bool Has(int slot, int mask)
    {
        ref readonly var state = ref _slots[slot];
        return state.Stamp == _generation && (state.Fields & mask) != 0;
    }

    public int FirstOccurrence(int slot)
    {
        ref readonly var state = ref _slots[slot];
        return state.Stamp == _generation ? state.Head : -1;
    }

    public int NextOccurrence(int occurrence) => _occNext[occurrence];

    public int TokenOf(int occurrence) => _occToken[occurrence];

    /// <summary>Explains a match spanning tokens <paramref name="first"/>..<paramref name="last"/>.</summary>
    public TermMatch Describe(string term, int first, int last)
    {
        var start = Tokens.Start[first];
        var end = Tokens.Start[last] + Tokens.Length[last];
        return DescribeText(term, Tokens.Field[first], start, end - start);
    }

    public TermMatch DescribeText(string term, int field, int start, int length)
    {
        var text = FieldText[field] ?? string.Empty;
        return new TermMatch(FieldNames.NameOf(field), term, start, length, Snippet.Around(text, start, length));
    }

    /// <summary>One slot in the current item (valid when <c>Stamp</c> is the current generation): fields seen, first and last occurrence. One cache line for all four.</summary>
    private struct SlotState(int stamp, int fields, int head, int tail)
    {
        public int Stamp = stamp;
        public int Fields = fields;
        public int Head = head;
        public int Tail = tail;
    }
}
