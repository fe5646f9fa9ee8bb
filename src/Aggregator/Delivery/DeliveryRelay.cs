using System.Collections.Concurrent;
using Aggregator.Configuration;
using Aggregator.Observability;
using Aggregator.Core.Alerts;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Delivery;

/// <summary>
/// Moves due outbox messages to their channels: claims a batch (leased, so a crash returns the claims to
/// the pool), applies the subscribers' choices (a row nobody receives any more ends as suppressed), folds a digest
/// subscriber's rows of one window into one message, sends, then marks each row
/// sent, reschedules it with backoff, or dead-letters it once <c>delivery.maxAge</c> has passed. Messages
/// to different endpoints go out side by side (see <see cref="Lane"/>), those to one endpoint in order.
/// </summary>
internal sealed partial class DeliveryRelay : IDisposable
{
    private readonly IOutbox _store;
    private readonly ISubscriberChoiceReads _choices;
    private readonly Dictionary<DeliveryChannel, IDeliveryChannel> _channels;
    private readonly ActiveConfig _config;
    private readonly TimeProvider _time;
    private readonly ILogger<DeliveryRelay> _logger;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly AggregatorMetrics _metrics;

    /// <summary>
    /// Dead letters of the current pass, added to by its lanes at once; passes never overlap (see the gate),
    /// so one queue serves them all.
    /// </summary>
    private readonly ConcurrentQueue<(OutboxMessage Row, string Error)> _deadThisPass = [];

    public DeliveryRelay(
        IOutbox store, ISubscriberChoiceReads choices, IEnumerable<IDeliveryChannel> channels, ActiveConfig config,
        TimeProvider time, ILogger<DeliveryRelay> logger, AggregatorMetrics metrics, RelayTimings? timings = null)
    {
        (Lease, PassBudget) = timings ?? RelayTimings.Default;
        _store = store;
        _choices = choices;
        _channels = channels.ToDictionary(c => c.Channel);
        _config = config;
        _time = time;
        _logger = logger;
        _metrics = metrics;
    }

    /// <summary>How many messages one pass claims; a digest window counts as one, whatever its size.</summary>
    public int BatchSize { get; init; } = 200;

    /// <summary>
    /// A row claimed longer ago is taken as abandoned (its relay crashed) and claimed again; it must exceed
    /// <see cref="PassBudget"/> plus one attempt's timeout, so a live relay never loses a row it is sending.
    /// </summary>
    public TimeSpan Lease { get; init; }

    /// <summary>How long one pass may spend sending; what is left is released for the next pass.</summary>
    public TimeSpan PassBudget { get; init; }

    /// <summary>How many endpoints (see <see cref="Lane"/>) one pass sends to at once.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>Spreads retries; lanes draw from it at once, so a replacement must be thread-safe like <see cref="Random.Shared"/>.</summary>
    public Random Random { get; init; } = Random.Shared;

    /// <summary>When the last pass finished, for health checks.</summary>
    public DateTimeOffset? LastPassAt { get; private set; }

    public void Dispose() => _gate.Dispose();

    /// <summary>One claim-and-send pass; concurrent calls wait for each other.</summary>
    /// <returns>The number of outbox rows handled (sent, rescheduled, dead-lettered or released).</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            return await PassAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<int> PassAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var claimed = await _store.ClaimDueAsync(now, BatchSize, Lease, cancellationToken);
        if (claimed.Count == 0)
        {
            LastPassAt = now;
            return 0;
        }

        var work = new List<Work>();
        var choices = new Dictionary<string, SubscriberChoices>(StringComparer.Ordinal);
        foreach (var group in claimed.GroupBy(m => (m.Alert.SubscriberId, m.Channel)))
        {
            var rows = group.ToList();
            // Claimed rows are settled whatever happens to the host meanwhile; only sending is cancellable.
            var (subscriber, refusal) = await CheckAsync(group.Key.SubscriberId, group.Key.Channel, CancellationToken.None);
            if (subscriber is null)
            {
                await DeadLetterAsync(rows, refusal!, CancellationToken.None);
                continue;
            }
            var theirs = await ChoicesAsync(group.Key.SubscriberId, choices, CancellationToken.None);
            var kept = await HonourAsync(subscriber, group.Key.Channel, rows, theirs, now);
            var effective = ChoiceFilter.Effective(subscriber, theirs);
            if (effective.Digest.Kind != Core.Alerts.DigestKind.Immediate) kept = await WithCopiesAsync(kept);
            if (kept.Count > 0) work.AddRange(Envelopes(effective, group.Key.Channel, kept));
        }

        // Sending stops well before the lease ends, so no other relay can claim a row still being sent.
        using var budget = new CancellationTokenSource(PassBudget, _time);
        using var pass = CancellationTokenSource.CreateLinkedTokenSource(budget.Token, cancellationToken);
        var interrupted = new ConcurrentQueue<long>();
        // Lanes run side by side and each settles its rows as soon as its sends are done, so a slow endpoint
        // holds up its own messages only; each of its sends is bounded by the channel's attempt timeout.
        // Not cancellable: a lane not started when the pass is cancelled still reports its rows interrupted.
        var lanes = work.GroupBy(Lane, StringComparer.Ordinal).Select(lane => lane.ToList());
        await Parallel.ForEachAsync(lanes, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (lane, _) =>
        {
            var results = await SendAsync(lane[0].Channel, lane, pass.Token);
            for (var i = 0; i < lane.Count; i++) await SettleAsync(lane[i], results[i], interrupted);
        });
        await _store.ReleaseAsync([.. interrupted], CancellationToken.None);
        await ReportDeadLettersAsync();
        LastPassAt = _time.GetUtcNow();
        return claimed.Count;
    }

    /// <summary>A digest lists each story once, with the copies grouped with its alert since it was queued.</summary>
    private async Task<List<OutboxMessage>> WithCopiesAsync(List<OutboxMessage> rows)
    {
        if (rows.Count == 0) return rows;
        var copies = (await _store.StoryCopiesAsync([.. rows.Select(r => r.Alert.AlertId)], CancellationToken.None))
            .GroupBy(c => c.StoryAlertId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<StorySource>)[.. g.DistinctBy(c => c.CopyAlertId, StringComparer.Ordinal).Select(c => c.Source)], StringComparer.Ordinal);
        if (copies.Count == 0) return rows;
        return [.. rows.Select(r => copies.TryGetValue(r.Alert.AlertId, out var also) ? r with { Alert = r.Alert with { Also = also } } : r)];
    }

    /// <summary>
    /// The endpoint a message goes to, sent to in order: every email shares the one SMTP server (and one
    /// connection per pass); each webhook host and port is a lane of its own.
    /// </summary>
    private static string Lane(Work work) => work.Envelope.Subscriber.Webhook is { } hook && work.Channel == DeliveryChannel.Webhook
        ? $"webhook {hook.Url.Scheme}://{hook.Url.Authority}"
        : DeliveryChannelNames.Name(work.Channel);

    private async Task<IReadOnlyList<DeliveryResult>> SendAsync(DeliveryChannel channel, List<Work> batch, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return [.. batch.Select(_ => DeliveryResult.Interrupted)];
        using var span = AggregatorActivities.StartDelivery(channel, batch.Count);
        try
        {
            return await _channels[channel].SendAsync([.. batch.Select(w => w.Envelope)], cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return [.. batch.Select(_ => DeliveryResult.Interrupted)];
        }
        catch (Exception ex)
        {
            // One channel's fault must not stop the others; its messages are retried.
            _logger.LogError(ex, "Delivery channel {Channel} failed", channel);
            return [.. batch.Select(_ => DeliveryResult.Retry($"{ex.GetType().Name}: {ex.Message}"))];
        }
    }

    private static IEnumerable<Work> Envelopes(SubscriberDefinition subscriber, DeliveryChannel channel, List<OutboxMessage> rows)
    {
        if (subscriber.Digest.Kind == Core.Alerts.DigestKind.Immediate)
        {
            foreach (var row in rows)
                yield return new Work(channel, new DeliveryEnvelope(row.Alert.AlertId, subscriber, [row.Alert], false, row.Alert.DiscoveredAt, row.PendingRecipients), [row]);
            yield break;
        }
        // Rows of one window share their due time (the window's end), so they fold into one message; a
        // window's rows that still await some recipients were narrowed together, and stay apart from any other.
        foreach (var window in rows.GroupBy(r => (r.DueAt, Pending: r.PendingRecipients is { } p ? string.Join('\n', p) : null)))
        {
            var windowRows = window.OrderBy(r => r.Alert.DiscoveredAt).ThenBy(r => r.Id).ToList();
            var id = DigestIds.For(windowRows.Select(r => r.Alert.AlertId));
            // A retry moves the rows' due time; the digest still carries the end of the window its alerts fell in.
            var windowEnd = subscriber.Digest.NextDue(windowRows[0].Alert.DiscoveredAt, subscriber.TimeZone);
            var timestamp = windowEnd < window.Key.DueAt ? windowEnd : window.Key.DueAt;
            var envelope = new DeliveryEnvelope(id, subscriber, [.. windowRows.Select(r => r.Alert)], true, timestamp, windowRows[0].PendingRecipients);
            yield return new Work(channel, envelope, windowRows);
        }
    }

    /// <summary>The subscriber to send to, or why the rows cannot be delivered any more.</summary>
    private async Task<(SubscriberDefinition? Subscriber, string? Refusal)> CheckAsync(string subscriberId, DeliveryChannel channel, CancellationToken cancellationToken)
    {
        var subscriber = _config.Current.Subscribers.GetValueOrDefault(subscriberId);
        if (subscriber is null) return (null, "subscriber removed");
        if (channel == DeliveryChannel.Email && subscriber.Email.Count == 0) return (null, "subscriber has no email address any more");
        if (channel == DeliveryChannel.Webhook)
        {
            if (subscriber.Webhook is null) return (null, "subscriber has no webhook any more");
            if (await _store.IsEndpointDisabledAsync(subscriberId, channel, subscriber.Webhook.Endpoint, cancellationToken))
                return (null, $"webhook endpoint {subscriber.Webhook.Endpoint} is disabled (410 Gone)");
        }
        return (subscriber, null);
    }

    private sealed record Work(DeliveryChannel Channel, DeliveryEnvelope Envelope, IReadOnlyList<OutboxMessage> Rows);
}
