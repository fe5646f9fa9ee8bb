namespace Aggregator.Core.Query.Matching;

/// <summary>One word (by stem or exactly) or one prefix, in the fields of <c>mask</c>.</summary>
internal sealed class TermMatcher : Matcher
{
    private readonly int _slot;
    private readonly int _mask;
    private readonly string _display;

    public TermMatcher(int slot, int mask, string display)
    {
        _slot = slot;
        _mask = mask;
        _display = display;
    }

    public override Anchoring Anchor(SlotCosts costs) => new([_slot], costs.Of(_slot));

    public override bool IsMatch(MatchContext ctx) => ctx.Has(_slot, _mask);

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        var reported = 0;
        for (var occ = ctx.FirstOccurrence(_slot); occ >= 0; occ = ctx.NextOccurrence(occ))
        {
            var token = ctx.TokenOf(occ);
            var bit = 1 << ctx.Tokens[token].Field;
            if ((_mask & bit) == 0 || (reported & bit) != 0) continue;
            reported |= bit;
            into.Add(ctx.Describe(_display, token, token));
        }
    }

    public override void CollectSpans(MatchContext ctx, SpanList into)
    {
        for (var occ = ctx.FirstOccurrence(_slot); occ >= 0; occ = ctx.NextOccurrence(occ))
        {
            var token = ctx.TokenOf(occ);
            if ((_mask & (1 << ctx.Tokens[token].Field)) != 0) into.Add(token, token, _display);
        }
    }
}
