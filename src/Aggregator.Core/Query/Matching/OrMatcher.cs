namespace Aggregator.Core.Query.Matching;

/// <summary>Any child; anchored by all of its children's anchors (none if one child can match without a term).</summary>
internal sealed class OrMatcher : Matcher
{
    private readonly Matcher[] _children;

    public OrMatcher(Matcher[] children) => _children = children;

    public override Anchoring Anchor(SlotCosts costs)
    {
        var anchors = new List<int>();
        foreach (var child in _children)
        {
            var anchoring = child.Anchor(costs);
            if (anchoring.IsNone) return Anchoring.None;
            anchors.AddRange(anchoring.Slots!);
        }
        int[] slots = [.. anchors.Distinct()];
        return new Anchoring(slots, costs.OfAny(slots));
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
