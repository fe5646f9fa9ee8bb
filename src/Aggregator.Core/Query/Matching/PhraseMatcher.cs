using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>Consecutive words in one segment of one field; each position accepts one or more word slots (a bare term's last word, any of its forms).</summary>
internal sealed class PhraseMatcher : Matcher
{
    private readonly int[][] _positions;
    private readonly int _mask;
    private readonly string _display;

    public PhraseMatcher(int[][] positions, int mask, string display)
    {
        _positions = positions;
        _mask = mask;
        _display = display;
    }

    private int Last => _positions.Length - 1;

    /// <summary>Every word of the phrase must occur: the cheapest position anchors it.</summary>
    public override Anchoring Anchor(SlotCosts costs)
    {
        var best = _positions[0];
        foreach (var position in _positions)
            if (costs.OfAny(position) < costs.OfAny(best)) best = position;
        return new Anchoring(best, costs.OfAny(best));
    }

    public override bool IsMatch(MatchContext ctx)
    {
        foreach (var position in _positions)
            if (!AnyOccurs(ctx, position)) return false;
        foreach (var slot in _positions[0])
            for (var occ = ctx.FirstOccurrence(slot); occ >= 0; occ = ctx.NextOccurrence(occ))
                if (StartsAt(ctx, ctx.TokenOf(occ))) return true;
        return false;
    }

    /// <summary>The first occurrence in each field.</summary>
    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        Span<int> first = stackalloc int[FieldNames.Count];
        first.Fill(int.MaxValue);
        foreach (var slot in _positions[0])
        {
            for (var occ = ctx.FirstOccurrence(slot); occ >= 0; occ = ctx.NextOccurrence(occ))
            {
                var token = ctx.TokenOf(occ);
                var field = ctx.Tokens[token].Field;
                if (token < first[(int)field] && StartsAt(ctx, token)) first[(int)field] = token;
            }
        }
        foreach (var token in first)
            if (token != int.MaxValue) into.Add(ctx.Describe(_display, token, token + Last));
    }

    public override void CollectSpans(MatchContext ctx, SpanList into)
    {
        foreach (var slot in _positions[0])
        {
            for (var occ = ctx.FirstOccurrence(slot); occ >= 0; occ = ctx.NextOccurrence(occ))
            {
                var token = ctx.TokenOf(occ);
                if (StartsAt(ctx, token)) into.Add(token, token + Last, _display);
            }
        }
    }

    private bool AnyOccurs(MatchContext ctx, int[] slots)
    {
        foreach (var slot in slots)
            if (ctx.Has(slot, _mask)) return true;
        return false;
    }

    private bool StartsAt(MatchContext ctx, int token)
    {
        var tokens = ctx.Tokens;
        if ((_mask & (1 << (int)tokens[token].Field)) == 0) return false;
        if (token + _positions.Length > tokens.Count) return false;
        var segment = tokens[token].Segment;
        for (var k = 0; k < _positions.Length; k++)
        {
            ref readonly var next = ref tokens[token + k];
            if (next.Segment != segment || Array.IndexOf(_positions[k], next.Slot) < 0) return false;
        }
        return true;
    }
}
