namespace Aggregator.Delivery;

/// <summary>
/// How long the relay holds the outbox rows it claims (<see cref="Lease"/>) and how long one pass may spend
/// sending (<see cref="PassBudget"/>); the budget stays well inside the lease, so no other node claims a row
/// still being sent.
/// </summary>
internal sealed record RelayTimings(TimeSpan Lease, TimeSpan PassBudget)
{
    public static RelayTimings Default { get; } = new(TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(4));

    /// <summary>A pass stops sending at four fifths of <paramref name="lease"/>.</summary>
    public static RelayTimings ForLease(TimeSpan lease) => new(lease, lease * 0.8);
}
