using Aggregator.Core;

namespace Aggregator.Hosting;

/// <summary>
/// How long the relay holds the outbox rows it claimed before another node may take them, from the
/// environment variable <c>AGGREGATOR_DELIVERY_LEASE</c> (a duration such as <c>90s</c>). It bounds how long
/// the alerts a crashed node had claimed wait. A pass stops sending at four fifths of it and releases
/// the rest, so a live node never holds a row past its lease.
/// </summary>
internal static class RelayLease
{
    public const string Variable = "AGGREGATOR_DELIVERY_LEASE";

    /// <summary>
    /// The lease from the environment; null when unset, or when the value is not a positive duration, which
    /// is reported on one line of standard error and leaves the default in force.
    /// </summary>
    public static TimeSpan? FromEnvironment(TextWriter? errors = null)
    {
        var text = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (Durations.TryParse(text, out var lease) && lease > TimeSpan.Zero) return lease;
        (errors ?? Console.Error).WriteLine($"warning: {Variable}: '{text}' is not a duration such as 90s or 5m; the default lease applies");
        return null;
    }
}
