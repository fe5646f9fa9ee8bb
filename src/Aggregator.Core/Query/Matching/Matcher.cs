namespace Aggregator.Core.Query.Matching;

/// <summary>A compiled query node evaluated against the current item in a <see cref="MatchContext"/>.</summary>
internal abstract class Matcher
{
    public abstract bool IsMatch(MatchContext ctx);

    /// <summary>Adds the evidence of a match (called only when <see cref="IsMatch"/> is true).</summary>
    public abstract void Explain(MatchContext ctx, List<TermMatch> into);

    /// <summary>For NEAR: adds the token spans where this node occurs; only words, phrases, prefixes and ORs of them.</summary>
    public virtual void CollectSpans(MatchContext ctx, SpanList into) => throw new InvalidOperationException("not a positional term");

    /// <summary>
    /// The cheapest set of slots one of which must occur whenever this node matches. Any such set is
    /// correct (it only decides which rules are evaluated); a cheaper one makes the rule a candidate less often.
    /// </summary>
    public abstract Anchoring Anchor(SlotCosts costs);
}
