using Aggregator.Core.Alerts;

namespace Aggregator.Delivery;

/// <summary>
/// Sends a digest too large for its endpoint (a mail server's size limit, a webhook's HTTP 413) as parts that
/// fit: halves, and halves of halves, in order, until each part measures within the budget or holds a single
/// alert. Halving is deterministic, so a digest sent again after a crash splits the same way, into parts with
/// the same ids. A part refused for its size after all shrinks the budget below it, and the parts not yet sent
/// are split again; those already sent keep the numbers they went out with.
/// </summary>
internal static class DigestSplit
{
    /// <summary>Parts are measured with the widest label they could carry, so a part never outgrows its measure.</summary>
    private static readonly DigestPart WidestLabel = new(9999, 9999);

    /// <summary>What one part's send came to; <c>TooLarge</c>: the endpoint refused it for its size.</summary>
    public readonly record struct Attempt(DeliveryResult Result, bool TooLarge);

    /// <param name="budget">The largest message the endpoint takes, as <paramref name="measure"/> counts.</param>
    /// <param name="measure">The size of the message that carries a part.</param>
    public static async Task<DeliveryResult> SendInPartsAsync(
        DeliveryEnvelope digest,
        long budget,
        Func<DeliveryEnvelope, long> measure,
        Func<DeliveryEnvelope, CancellationToken, Task<Attempt>> send,
        CancellationToken cancellationToken)
    {
        long Measure(IReadOnlyList<Alert> alerts) => measure(digest.PartOf(alerts, WidestLabel.Number, WidestLabel.Count));

        var plan = Parts(digest.Alerts, budget, Measure);
        var done = new List<DeliveryPart>(plan.Count);
        var next = 0;
        while (next < plan.Count)
        {
            var part = digest.PartOf(plan[next], done.Count + 1, done.Count + plan.Count - next);
            if (cancellationToken.IsCancellationRequested)
            {
                done.Add(new DeliveryPart(part, DeliveryResult.Interrupted));
                next++;
                continue;
            }
            var attempt = await send(part, cancellationToken);
            if (attempt.TooLarge && part.Alerts.Count > 1)
            {
                budget = Math.Min(budget, measure(part) - 1);
                plan = [.. plan.Take(next), .. Parts([.. plan.Skip(next).SelectMany(p => p)], budget, Measure)];
                continue;
            }
            done.Add(new DeliveryPart(part, attempt.Result));
            next++;
        }
        return DeliveryResult.Split(done);
    }

    /// <param name="alerts">A digest known not to fit whole.</param>
    /// <param name="measure">The size of the message holding these alerts as a part.</param>
    public static List<IReadOnlyList<Alert>> Parts(IReadOnlyList<Alert> alerts, long budget, Func<IReadOnlyList<Alert>, long> measure)
    {
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
