using Aggregator.Core.Alerts;

namespace Aggregator.Delivery.Email;

/// <summary>
/// Splits a digest too large for the mail server into parts that fit: halves, and halves of halves, in
/// order, until each part measures within the budget or holds a single alert. Halving is deterministic, so
/// a digest sent again after a crash splits the same way, into parts with the same ids.
/// </summary>
internal static class DigestSplit
{
    /// <param name="alerts">A digest known not to fit whole.</param>
    /// <param name="measure">The size of the message holding these alerts as a part.</param>
    public static List<IReadOnlyList<Alert>> Parts(IReadOnlyList<Alert> alerts, long budget, Func<IReadOnlyList<Alert>, long> measure)
    {
        ArgumentNullException.ThrowIfNull(alerts);
        ArgumentNullException.ThrowIfNull(measure);
        var parts = new List<IReadOnlyList<Alert>>();
        Halve(alerts);
        return parts;

        void Halve(IReadOnlyList<Alert> whole)
        {
            if (whole.Count < 2)
            {
                parts.Add(whole);
                return;
            }
            foreach (var half in (IReadOnlyList<Alert>[])[[.. whole.Take(whole.Count / 2)], [.. whole.Skip(whole.Count / 2)]])
            {
                if (half.Count == 1 || measure(half) <= budget) parts.Add(half);
                else Halve(half);
            }
        }
    }
}
