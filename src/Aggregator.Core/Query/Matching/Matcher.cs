namespace Aggregator.Core.Query.Matching;

/// <summary>
/// A compiled query node evaluated against the current item in a <see cref="MatchContext"/>.
/// <see cref="Anchors"/> are slots of which at least one must occur for the node to match (null: it
/// can match without any term, e.g. NOT x); they decide when a rule becomes a candidate.
/// </summary>
internal abstract class Matcher
{
    public int[]? Anchors { get; protected init; }

    /// <summary>Lower is more selective: fewer anchor slots, then longer words.</summary>
    public int AnchorCost { get; protected init; } = int.MaxValue;

    public abstract bool IsMatch(MatchContext ctx);

    /// <summary>Adds the evidence of a match (called only when <see cref="IsMatch"/> is true).</summary>
    public abstract void Explain(MatchContext ctx, List<TermMatch> into);

    /// <summary>For NEAR: adds the token spans where this node occurs; only words, phrases, prefixes and ORs of them.</summary>
    public virtual void CollectSpans(MatchContext ctx, SpanList into) => throw new InvalidOperationException("not a positional term");

    protected static int CostOf(int slotCount, int keyLength) => (slotCount * 64) - Math.Min(keyLength, 63);
}
