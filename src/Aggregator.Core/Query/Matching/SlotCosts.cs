namespace Aggregator.Core.Query.Matching;

/// <summary>
/// How often each term slot is expected to occur in an item, as a relative cost for choosing anchors.
/// Nothing is known about the items when rules are compiled, so two signs stand in for frequency:
/// a term that many rules mention is likely a common word (rules watch specific words and add
/// common ones as context), and shorter words are more common than longer ones; a prefix matches
/// more words than the word itself.
/// </summary>
internal sealed class SlotCosts(int[] keyLengths, bool[] prefixes, int[] mentions)
{
    public long Of(int slot)
    {
        var byLength = 64 - Math.Min(keyLengths[slot], 63) + (prefixes[slot] ? 16 : 0);
        return (long)byLength * Math.Max(1, mentions[slot]);
    }

    /// <summary>The cost of needing any one of <paramref name="slots"/>: each can make the rule a candidate.</summary>
    public long OfAny(IEnumerable<int> slots)
    {
        long sum = 0;
        foreach (var slot in slots) sum += Of(slot);
        return sum;
    }
}
