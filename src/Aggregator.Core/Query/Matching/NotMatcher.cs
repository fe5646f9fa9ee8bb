namespace Aggregator.Core.Query.Matching;

/// <summary>The child does not match; has no anchors, and gives no evidence.</summary>
internal sealed class NotMatcher(Matcher child) : Matcher
{
    public override bool IsMatch(MatchContext ctx) => !child.IsMatch(ctx);

    public override Anchoring Anchor(SlotCosts costs) => Anchoring.None;

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
    }
}
