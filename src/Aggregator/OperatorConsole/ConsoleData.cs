using Aggregator.Configuration;
using Aggregator.Delivery;
using Aggregator.Health;
using Aggregator.Hosting;
using Aggregator.Status;
using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

/// <summary>What the console shows, read from the worker's live objects and the store; pages and <c>/api/</c> share it.</summary>
internal sealed class ConsoleData(
    ActiveConfig config, IStatusStore store, IPollStore polls, IOutbox outbox, IConsoleStore console, ConfigReloadService reloads, HeartbeatFile heartbeat,
    RelaySignal relay, TimeProvider time)
{
    /// <summary>Feeds per page of the feeds list, so a page stays quick with 10,000 feeds.</summary>
    public const int FeedsPerPage = 100;

    /// <summary>Messages per page of the deliveries list.</summary>
    public const int MessagesPerPage = 100;

    public ConsoleAuthMode AuthMode => config.Current.Config.Settings.Console.Auth.Mode;

    /// <summary>The report <c>status --json</c> prints.</summary>
    public Task<StatusReport> StatusAsync(CancellationToken cancellationToken) =>
        StatusReport.ReadAsync(config.Current.Config, store, time.GetUtcNow(), cancellationToken);

    public async Task<DashboardView> DashboardAsync(CancellationToken cancellationToken)
    {
        var snapshot = config.Current.Config;
        var feeds = await FeedStatus.ReadAllAsync(snapshot, store, cancellationToken);
        var subscribers = await SubscriberStatus.ReadAllAsync(snapshot, store, cancellationToken);
        var failAfter = snapshot.Settings.Alerts.FeedFailingAfter;
        var now = time.GetUtcNow();
        return new DashboardView(
            now,
            Health(now),
            config.Generation,
            reloads.LastReload is { } reload ? ReloadView.From(reload) : null,
            feeds.Count,
            feeds.Count(f => f.ConsecutiveErrors > 0),
            feeds.Count(f => f.Disabled),
            snapshot.Rules.Count,
            subscribers.Sum(s => s.Queued),
            subscribers.Sum(s => s.DeadLettered),
            [.. feeds.Where(f => f.ConsecutiveErrors >= failAfter || f.Disabled).OrderByDescending(f => f.ConsecutiveErrors).Take(20).Select(f => FeedRow.From(f))]);
    }

    public async Task<FeedsView> FeedsAsync(bool failingOnly, int page, CancellationToken cancellationToken)
    {
        var feeds = (await FeedStatus.ReadAllAsync(config.Current.Config, store, cancellationToken)).Where(f => !failingOnly || f.ConsecutiveErrors > 0 || f.Disabled).ToList();
        var pages = Math.Max(1, (feeds.Count + FeedsPerPage - 1) / FeedsPerPage);
        page = Math.Clamp(page, 1, pages);
        var shown = feeds.Skip((page - 1) * FeedsPerPage).Take(FeedsPerPage).ToList();
        var recent = await console.ListRecentPollsAsync([.. shown.Select(f => f.Id)], PollLog.KeptPerFeed, cancellationToken);
        return new FeedsView([.. shown.Select(f => FeedRow.From(f, recent.GetValueOrDefault(f.Id)))], feeds.Count, page, pages, failingOnly);
    }

    public async Task<FeedView?> FeedAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        if (!snapshot.Feeds.TryGetValue(id, out var definition)) return null;
        var feed = FeedStatus.From(definition, await polls.GetFeedStateAsync(id, cancellationToken), snapshot.Config.Settings.Polling);
        var log = await console.ListPollsAsync(id, PollLog.KeptPerFeed, cancellationToken);
        var recent = log.Select(p => new RecentPoll(p.PolledAt, p.Outcome, p.HttpStatus, p.NewItems)).ToList();
        return new FeedView(FeedRow.From(feed, recent), [.. log.Select(PollRow.From)]);
    }

    public async Task<DeliveriesView> DeliveriesAsync(DeliveryFilter filter, string? notice, CancellationToken cancellationToken)
    {
        var query = new DeliveryQuery(MessagesPerPage + 1, NullIfEmpty(filter.Subscriber), NullIfEmpty(filter.Rule), DeliveryStatuses.Parse(filter.Status),
            BeforeId: filter.Before);
        var records = await console.ListDeliveriesAsync(query, cancellationToken);
        var page = records.Take(MessagesPerPage).Select(DeliveryRow.From).ToList();
        return new DeliveriesView(await SubscribersAsync(cancellationToken), page, filter,
            records.Count > MessagesPerPage ? page[^1].Id : null, notice);
    }

    public async Task<MessageView?> MessageAsync(long id, CancellationToken cancellationToken)
    {
        if (await console.GetMessageAsync(id, cancellationToken) is not { } record) return null;
        var row = DeliveryRow.From(record);
        if (record.Alert is not { } alert) return new MessageView(row, "unreadable", record.LastError ?? "the stored message cannot be read");
        if (record.Channel == DeliveryChannel.Webhook)
        {
            var json = Core.Rendering.WebhookPayload.Matched(alert, record.SentAt ?? record.DueAt);
            var pretty = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, Indented);
            return new MessageView(row, "webhook body (alert.matched)", pretty);
        }
        var email = Core.Rendering.AlertMessage.Email(alert);
        return new MessageView(row, $"Subject: {email.Subject}", email.TextBody);
    }

    /// <summary>Queues dead letters again (one, or every one since a time) and wakes the relay; says what happened in one line.</summary>
    public async Task<string> ReplayAsync(long? id, DateTimeOffset? since, string? subscriber, CancellationToken cancellationToken)
    {
        var result = id is { } one
            ? await console.ReplayAsync(one, cancellationToken)
            : await console.ReplayDeadAsync(since ?? DateTimeOffset.MinValue, NullIfEmpty(subscriber), null, cancellationToken);
        if (result.Replayed > 0) relay.Notify();
        var refused = result.Refused.GroupBy(r => r.Reason).Select(g => $"{g.Count()} {Refusal(g.Key)}");
        return string.Join("; ", [$"{result.Replayed} replayed", .. refused]);
    }

    private static string Refusal(ReplayRefusalReason reason) => reason switch
    {
        ReplayRefusalReason.NotFound => "not found",
        ReplayRefusalReason.NotDead => "not dead-lettered",
        _ => "refused: the endpoint is disabled (410 Gone) until its address changes",
    };

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static readonly System.Text.Json.JsonSerializerOptions Indented = new() { WriteIndented = true };

    public async Task<IReadOnlyList<SubscriberRow>> SubscribersAsync(CancellationToken cancellationToken) =>
        [.. (await SubscriberStatus.ReadAllAsync(config.Current.Config, store, cancellationToken)).Select(SubscriberRow.From)];

    /// <summary>What <c>/readyz</c> and the dashboard judge: the worker's heartbeat, and the store answering now.</summary>
    public async Task<IReadOnlyList<string>> ReadinessProblemsAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>(Health(time.GetUtcNow()).Problems);
        try
        {
            await outbox.OldestDueAsync(time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            problems.Add("store unreachable: " + ex.Message);
        }
        return problems;
    }

    private WorkerHealth Health(DateTimeOffset now)
    {
        var path = heartbeat.Path;
        var beat = File.Exists(path) ? Heartbeat.FromJson(File.ReadAllText(path)) : null;
        return beat is null
            ? new WorkerHealth(null, ["no heartbeat yet (the worker is starting)"])
            : new WorkerHealth(beat.At, beat.Problems(now));
    }
}
