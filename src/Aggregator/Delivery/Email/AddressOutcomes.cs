namespace Aggregator.Delivery.Email;

/// <summary>
/// Puts together what became of the messages sent to each of a subscriber's addresses, per alert: an alert is sent
/// once every address has it or has refused it for good, and retried for the addresses still to reach. When a digest
/// went out in parts to some address, alerts that came to different outcomes are settled as parts of their own.
/// </summary>
internal static class AddressOutcomes
{
    public readonly record struct Result(string Address, DeliveryResult Outcome);

    public static DeliveryResult Combine(DeliveryEnvelope envelope, IReadOnlyList<Result> results)
    {
        if (results.All(r => r.Outcome.Parts is null)) return Combine(results);
        var groups = new List<(DeliveryResult Result, List<Core.Alerts.Alert> Alerts)>();
        foreach (var alert in envelope.Alerts)
        {
            var combined = Combine([.. results.Select(r => r with { Outcome = For(r.Outcome, alert.AlertId) })]);
            var group = groups.FindIndex(g => Same(g.Result, combined));
            if (group < 0) groups.Add((combined, [alert]));
            else groups[group].Alerts.Add(alert);
        }
        if (groups.Count == 1) return groups[0].Result;
        return DeliveryResult.Split([.. groups.Select((g, i) => new DeliveryPart(envelope.PartOf(g.Alerts, i + 1, groups.Count), g.Result))]);
    }

    private static DeliveryResult Combine(IReadOnlyList<Result> results)
    {
        var remaining = new List<string>();
        var errors = new List<string>();
        var sent = false;
        var retriedWhole = 0;
        TimeSpan? retryAfter = null;
        foreach (var (address, outcome) in results)
        {
            switch (outcome.Outcome)
            {
                case DeliveryOutcome.Sent:
                    sent = true;
                    if (outcome.Error is { } problem) errors.Add(problem);
                    break;
                case DeliveryOutcome.Interrupted:
                    remaining.Add(address);
                    break;
                case DeliveryOutcome.Retry:
                    remaining.AddRange(outcome.Remaining ?? [address]);
                    if (outcome.Remaining is null) retriedWhole++;
                    if (outcome.RetryAfter > retryAfter || retryAfter is null) retryAfter = outcome.RetryAfter;
                    errors.Add($"{address}: {outcome.Error}");
                    break;
                default:
                    errors.Add($"{address}: {outcome.Error}");
                    break;
            }
        }
        var error = errors.Count == 0 ? null : string.Join("; ", errors);
        if (remaining.Count == 0) return sent ? new DeliveryResult(DeliveryOutcome.Sent, error) : DeliveryResult.Permanent(error ?? "refused");
        if (results.All(r => r.Outcome.Outcome == DeliveryOutcome.Interrupted)) return DeliveryResult.Interrupted;
        // Every address failed as a whole: the same recipients again, as after a single message's failure.
        if (retriedWhole == results.Count) return DeliveryResult.Retry(error!, retryAfter);
        return new DeliveryResult(DeliveryOutcome.Retry, error, retryAfter, remaining);
    }

    /// <summary>What became of one alert in a result that may have gone out in parts.</summary>
    private static DeliveryResult For(DeliveryResult result, string alertId) =>
        result.Parts?.FirstOrDefault(p => p.Envelope.Alerts.Any(a => a.AlertId == alertId))?.Result ?? result;

    private static bool Same(DeliveryResult a, DeliveryResult b) =>
        a.Outcome == b.Outcome && a.Error == b.Error && a.RetryAfter == b.RetryAfter
        && (a.Remaining ?? []).SequenceEqual(b.Remaining ?? [], StringComparer.OrdinalIgnoreCase);
}
