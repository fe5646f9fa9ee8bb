namespace Aggregator.Core.Query.Matching;

/// <summary>Consecutive words in one segment of one field, compared exactly (quoted) or by stem.</summary>
internal sealed class PhraseMatcher : Matcher
{
    private readonly int[] _slots;
    private readonly bool _exact;
    private readonly int _mask;
    private readonly string _display;

    public PhraseMatcher(int[] slots, bool exact, int mask, string display)
    {
        _slots = slots;
        _exact = exact;
        _mask = mask;
        _display = display;
    }

    /// <summary>Every word of the phrase must occur: the cheapest one anchors it.</summary>
    public override Anchoring Anchor(SlotCosts costs)
    {
        var best = _slots[0];
        foreach (var slot in _slots)
            if (costs.Of(slot) < costs.Of(best)) best = slot;
        return new Anchoring([best], costs.Of(best));
    }

    public override bool IsMatch(MatchContext ctx)
    {
        foreach (var slot in _slots)
            if (!ctx.Has(slot, _mask)) return false;
        for (var occ = ctx.FirstOccurrence(_slots[0]); occ >= 0; occ = ctx.NextOccurrence(occ))
            if (StartsAt(ctx, ctx.TokenOf(occ))) return true;
        return false;
    }

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        var reported = 0;
        for (var occ = ctx.FirstOccurrence(_slots[0]); occ >= 0; occ = ctx.NextOccurrence(occ))
        {
            var token = ctx.TokenOf(occ);
            var bit = 1 << ctx.Tokens[token].Field;
            if ((reported & bit) != 0 || !StartsAt(ctx, token)) continue;
            reported |= bit;
            into.Add(ctx.Describe(_display, token, token + _slots.Length - 1));
        }
    }

    public override void CollectSpans(MatchContext ctx, SpanList into)
    {
        for (var occ = ctx.FirstOccurrence(_slots[0]); occ >= 0; occ = ctx.NextOccurrence(occ))
        {
            var token = ctx.TokenOf(occ);
            if (StartsAt(ctx, token)) into.Add(token, token + _slots.Length - 1, _display);
        }
    }

    private bool StartsAt(MatchContext ctx, int token)
    {
        var tokens = ctx.Tokens;
        if ((_mask & (1 << tokens[token].Field)) == 0) return false;
        if (token + _slots.Length > tokens.Count) return false;
        var segment = tokens[token].Segment;
        for (var k = 0; k < _slots.Length; k++)
        {
            ref readonly var next = ref tokens[token + k];
            if (next.Segment != segment || (_exact ? next.Exact : next.Stem) != _slots[k]) return false;
        }
        return true;
    }
}
