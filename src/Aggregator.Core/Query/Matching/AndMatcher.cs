namespace Aggregator.Core.Query.Matching;

/// <summary>Every child; anchored by its cheapest anchored child.</summary>
internal sealed class AndMatcher : Matcher
{
    private readonly Matcher[] _children;

    public AndMatcher(Matcher[] children) => _children = children;

    public override Anchoring Anchor(SlotCosts costs)
    {
        var best = Anchoring.None;
        foreach (var child in _children)
        {
            var anchoring = child.Anchor(costs);
            if (!anchoring.IsNone && (best.IsNone || anchoring.Cost < best.Cost)) best = anchoring;
        }
        return best;
    }

    public override bool IsMatch(MatchContext ctx)
    {
        foreach (var child in _children)
            if (!child.IsMatch(ctx)) return false;
        return true;
    }

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        foreach (var child in _children) child.Explain(ctx, into);
    }
}
