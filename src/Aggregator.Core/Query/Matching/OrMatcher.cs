namespace Aggregator.Core.Query.Matching;

/// <summary>Any child; anchored by all of its children's anchors (none if one child can match without a term).</summary>
internal sealed class OrMatcher : Matcher
{
    private readonly Matcher[] _children;

    public OrMatcher(Matcher[] children)
    {
        _children = children;
        var anchors = new List<int>();
        var cost = 0;
        foreach (var child in children)
        {
            if (child.Anchors is null) return;
            anchors.AddRange(child.Anchors);
            cost = (int)Math.Min(int.MaxValue - 1, (long)cost + child.AnchorCost);
        }
        Anchors = [.. anchors.Distinct()];
        AnchorCost = cost;
    }

    public override bool IsMatch(MatchContext ctx)
    {
        foreach (var child in _children)
            if (child.IsMatch(ctx)) return true;
        return false;
    }

    /// <summary>Only the branches that matched give evidence.</summary>
    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        foreach (var child in _children)
            if (child.IsMatch(ctx)) child.Explain(ctx, into);
    }

    public override void CollectSpans(MatchContext ctx, SpanList into)
    {
        foreach (var child in _children) child.CollectSpans(ctx, into);
    }
}
