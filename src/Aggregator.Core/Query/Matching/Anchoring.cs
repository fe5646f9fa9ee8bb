namespace Aggregator.Core.Query.Matching;

/// <summary>
/// Slots of which at least one must occur for a node to match (they decide when its rule becomes a
/// candidate), and what they are expected to cost: lower means the rule is a candidate less often.
/// Null slots: the node can match without any term (such as <c>NOT x</c>).
/// </summary>
internal readonly record struct Anchoring(int[]? Slots, long Cost)
{
    public static Anchoring None { get; } = new(null, long.MaxValue);

    public bool IsNone => Slots is null;
}
