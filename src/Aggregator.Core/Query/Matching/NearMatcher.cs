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
        var tokens = ctx.Tokens;
        for (var i = 0; i < lefts.Count; i++)
        {
            for (var j = 0; j < rights.Count; j++)
            {
                if (tokens[lefts.First(i)].Segment != tokens[rights.First(j)].Segment) continue;
                int gap;
                if (rights.First(j) > lefts.Last(i)) gap = rights.First(j) - lefts.Last(i);
                else if (lefts.First(i) > rights.Last(j)) gap = lefts.First(i) - rights.Last(j);
                else continue;
                if (gap > _distance) continue;
                leftIndex = i;
                rightIndex = j;
                return true;
            }
        }
        return false;
    }
}
