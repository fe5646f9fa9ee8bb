using System.Diagnostics.Metrics;
using Aggregator.Configuration;

namespace Aggregator.Observability;

/// <summary>The worker's instruments, on the meter named <see cref="MeterName"/>.</summary>
internal sealed class AggregatorMetrics : IDisposable
{
    public const string MeterName = "Aggregator";

    private readonly Meter _meter;

    /// <summary>Read at start, as every telemetry setting: 10,000 rules must not make 10,000 series unless asked for.</summary>
    private readonly bool _ruleTag;

    /// <summary>What <see cref="GaugeRefresh"/> last counted; negative until it has, so nothing is reported before.</summary>
    private long _backlog = -1;
    private long _overdueFeeds = -1;

    public AggregatorMetrics(IMeterFactory meterFactory, ActiveConfig config)
    {
        _ruleTag = config.Current.Config.Settings.Telemetry.RuleMetrics;
        _meter = meterFactory.Create(MeterName);
        Polls = _meter.CreateCounter<long>("aggregator.polls", description: "Feed polls, by result.");
        NewItems = _meter.CreateCounter<long>("aggregator.items.new", description: "Items seen for the first time.");
        Queued = _meter.CreateCounter<long>("aggregator.alerts.queued", description: "Alert messages queued in the outbox.");
        Matches = _meter.CreateCounter<long>("aggregator.matches", description: "New items that matched a rule (by rule with settings.telemetry.ruleMetrics).");
        Deliveries = _meter.CreateCounter<long>("aggregator.deliveries", description: "Alerts sent, rescheduled or dead-lettered, by channel and outcome.");
        DeliveryLatency = _meter.CreateHistogram<double>("aggregator.delivery.latency", unit: "s", description: "Time from an item's discovery to its alert's delivery, by channel.");
        FetchDuration = _meter.CreateHistogram<double>("aggregator.fetch.duration", unit: "s", description: "Duration of feed fetches, by result.");
        _meter.CreateObservableGauge("aggregator.outbox.backlog", () => Latest(Volatile.Read(ref _backlog)), unit: "{message}",
            description: "Messages queued and neither sent nor dead-lettered yet (counted every 30 s).");
        _meter.CreateObservableGauge("aggregator.feeds.overdue", () => Latest(Volatile.Read(ref _overdueFeeds)), unit: "{feed}",
            description: "Feeds whose last poll is older than two of their intervals (counted every 30 s).");
    }

    public Counter<long> Polls { get; }
    public Counter<long> NewItems { get; }
    public Counter<long> Queued { get; }
    public Counter<long> Matches { get; }
    public Counter<long> Deliveries { get; }
    public Histogram<double> DeliveryLatency { get; }
    public Histogram<double> FetchDuration { get; }

    public void Matched(string ruleId, int items)
    {
        if (_ruleTag) Matches.Add(items, new KeyValuePair<string, object?>("rule", ruleId));
        else Matches.Add(items);
    }

    /// <param name="outcome"><c>sent</c>, <c>retry</c> or <c>dead</c>.</param>
    public void Delivered(string channel, string outcome, int alerts) =>
        Deliveries.Add(alerts, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public void Fetched(string result, TimeSpan elapsed) =>
        FetchDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("result", result));

    /// <summary>Sets what the gauges report until the next count; a collection never queries the store.</summary>
    public void Counted(long backlog, long overdueFeeds)
    {
        Volatile.Write(ref _backlog, backlog);
        Volatile.Write(ref _overdueFeeds, overdueFeeds);
    }

    private static IEnumerable<Measurement<long>> Latest(long value) => value < 0 ? [] : [new Measurement<long>(value)];

    public void Dispose() => _meter.Dispose();
}
