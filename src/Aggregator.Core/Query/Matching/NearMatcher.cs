namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Both sides in the same segment of the same field, in either order, with at most
/// <c>distance</c> word positions from the end of one to the start of the other (adjacent words are 1 apart).
/// </summary>
internal sealed class NearMatcher : Matcher
{
    private readonly Matcher _left;
    private readonly Matcher _right;
    private readonly int _distance;

    public NearMatcher(Matcher left, Matcher right, int distance)
    {
        _left = left;
        _right = right;
        _distance = distance;
    }

    public override Anchoring Anchor(SlotCosts costs)
    {
        var left = _left.Anchor(costs);
        var right = _right.Anchor(costs);
        return left.Cost <= right.Cost ? left : right;
    }

    public override bool IsMatch(MatchContext ctx) => FindPair(ctx, out _, out _);

    public override void Explain(MatchContext ctx, List<TermMatch> into)
    {
        if (!FindPair(ctx, out var left, out var right)) return;
        into.Add(ctx.Describe(ctx.Left.Term(left), ctx.Left.First(left), ctx.Left.Last(left)));
        into.Add(ctx.Describe(ctx.Right.Term(right), ctx.Right.First(right), ctx.Right.Last(right)));
    }

    /// <summary>
    /// A pair within the distance, in either order. Only the nearest span after each span can be the closest
    /// one on that side (segments are runs of tokens), so with both lists sorted one search per span decides:
    /// n log n in the spans, never every pair.
    /// </summary>
    private bool FindPair(MatchContext ctx, out int leftIndex, out int rightIndex)
    {
        leftIndex = rightIndex = -1;
        if (!_left.IsMatch(ctx) || !_right.IsMatch(ctx)) return false;
        var lefts = ctx.Left;
        var rights = ctx.Right;
        lefts.Clear();
        rights.Clear();
        _left.CollectSpans(ctx, lefts);
        _right.CollectSpans(ctx, rights);
        lefts.SortByFirst();
        rights.SortByFirst();
        for (var i = 0; i < lefts.Count; i++)
        {
            var j = rights.FirstStartingAfter(lefts.Last(i));
            if (j >= 0 && Within(ctx, lefts.Last(i), rights.First(j)))
            {
                (leftIndex, rightIndex) = (i, j);
                return true;
            }
        }
        for (var j = 0; j < rights.Count; j++)
        {
            var i = lefts.FirstStartingAfter(rights.Last(j));
            if (i >= 0 && Within(ctx, rights.Last(j), lefts.First(i)))
            {
                (leftIndex, rightIndex) = (i, j);
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether token <paramref name="end"/> and the later token <paramref name="start"/> are in one segment and at most the distance apart.</summary>
    private bool Within(MatchContext ctx, int end, int start) =>
        start - end <= _distance && ctx.Tokens[end].Segment == ctx.Tokens[start].Segment;
}
