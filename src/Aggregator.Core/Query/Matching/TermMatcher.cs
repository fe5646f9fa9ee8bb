using Aggregator.Core.Query.Syntax;

namespace Aggregator.Core.Query.Matching;

/// <summary>One word (any of its forms, or exactly when quoted) or one prefix, in the fields of <c>mask</c>.</summary>
internal sealed class TermMatcher : Matcher
{
    private readonly int[] _slots;
    private readonly int _mask;
    private readonly string _display;

    /// <param name="slots">The slots of the word's forms (one for a quoted word or a prefix).</param>
    public TermMatcher(int[] slots, int mask, string display)
    {
        _slots = slots;
        _mask = mask;
        _display = display;
    }

    public override Anchoring Anchor(SlotCosts costs) => new(_slots, costs.OfAny(_slots));

    public override bool IsMatch(MatchContext ctx)
    {
        foreach (var slot in _slots)
            if (ctx.Has(slot, _mask)) return true;
        return false;
    }

    /// <summary>The first occurrence in each field, whichever form it is.</summary>
    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        Span<int> first = stackalloc int[FieldNames.Count];
        first.Fill(int.MaxValue);
        foreach (var slot in _slots)
        {
            for (var occ = ctx.FirstOccurrence(slot); occ >= 0; occ = ctx.NextOccurrence(occ))
            {
                var token = ctx.TokenOf(occ);
                var field = ctx.Tokens[token].Field;
                if ((_mask & (1 << (int)field)) != 0 && token < first[(int)field]) first[(int)field] = token;
            }
        }
        foreach (var token in first)
            if (token != int.MaxValue) into.Add(ctx.Describe(_display, token, token));
    }

    public override void CollectSpans(MatchContext ctx, SpanList into)
    {
        foreach (var slot in _slots)
        {
            for (var occ = ctx.FirstOccurrence(slot); occ >= 0; occ = ctx.NextOccurrence(occ))
            {
                var token = ctx.TokenOf(occ);
                if ((_mask & (1 << (int)ctx.Tokens[token].Field)) != 0) into.Add(token, token, _display);
            }
        }
    }
}
