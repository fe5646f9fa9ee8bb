using System.Diagnostics.Metrics;

namespace Aggregator.Observability;

/// <summary>The worker's instruments, on the meter named <see cref="MeterName"/>.</summary>
internal sealed class AggregatorMetrics : IDisposable
{
    public const string MeterName = "Aggregator";

    private readonly Meter _meter;

    public AggregatorMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        _meter = meterFactory.Create(MeterName);
        Polls = _meter.CreateCounter<long>("aggregator.polls", description: "Feed polls, by result.");
        NewItems = _meter.CreateCounter<long>("aggregator.items.new", description: "Items seen for the first time.");
        Queued = _meter.CreateCounter<long>("aggregator.alerts.queued", description: "Alert messages queued in the outbox.");
    }

    public Counter<long> Polls { get; }
    public Counter<long> NewItems { get; }
    public Counter<long> Queued { get; }

    public void Dispose() => _meter.Dispose();
}
