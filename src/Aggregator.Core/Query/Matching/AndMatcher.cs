namespace Aggregator.Core.Query.Matching;

/// <summary>Every child; anchored by its most selective anchored child.</summary>
internal sealed class AndMatcher : Matcher
{
    private readonly Matcher[] _children;

    public AndMatcher(Matcher[] children)
    {
        _children = children;
        foreach (var child in children)
        {
            if (child.Anchors is null || child.AnchorCost >= AnchorCost) continue;
            Anchors = child.Anchors;
            AnchorCost = child.AnchorCost;
        }
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
