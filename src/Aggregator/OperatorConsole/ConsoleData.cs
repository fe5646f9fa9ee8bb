using Aggregator.Configuration;
using Aggregator.Health;
using Aggregator.Hosting;
using Aggregator.Status;
using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

/// <summary>What the console shows, read from the worker's live objects and the store; pages and <c>/api/</c> share it.</summary>
internal sealed class ConsoleData(
    ActiveConfig config, IStatusStore store, IOutbox outbox, ConfigReloadService reloads, HeartbeatFile heartbeat, TimeProvider time)
{
    public ConsoleAuthMode AuthMode => config.Current.Config.Settings.Console.Auth.Mode;

    /// <summary>The report <c>status --json</c> prints.</summary>
    public Task<StatusReport> StatusAsync(CancellationToken cancellationToken) =>
        StatusReport.ReadAsync(config.Current.Config, store, time.GetUtcNow(), cancellationToken);

    public async Task<DashboardView> DashboardAsync(CancellationToken cancellationToken)
    {
        var report = await StatusAsync(cancellationToken);
        var failAfter = config.Current.Config.Settings.Alerts.FeedFailingAfter;
        return new DashboardView(
            report.At,
            Health(report.At),
            config.Generation,
            reloads.LastReload is { } reload ? ReloadView.From(reload) : null,
            report.Feeds.Count,
            report.Feeds.Count(f => f.ConsecutiveErrors > 0),
            report.Feeds.Count(f => f.Disabled),
            report.Rules.Count,
            report.Subscribers.Sum(s => s.Queued),
            report.Subscribers.Sum(s => s.DeadLettered),
            [.. report.Feeds.Where(f => f.ConsecutiveErrors >= failAfter || f.Disabled).OrderByDescending(f => f.ConsecutiveErrors).Take(20).Select(FeedRow.From)]);
    }

    public async Task<IReadOnlyList<FeedRow>> FeedsAsync(bool failingOnly, CancellationToken cancellationToken)
    {
        var feeds = (await StatusAsync(cancellationToken)).Feeds;
        return [.. feeds.Where(f => !failingOnly || f.ConsecutiveErrors > 0 || f.Disabled).Select(FeedRow.From)];
    }

    public async Task<FeedRow?> FeedAsync(string id, CancellationToken cancellationToken) =>
        (await StatusAsync(cancellationToken)).Feeds.FirstOrDefault(f => f.Id == id) is { } feed ? FeedRow.From(feed) : null;

    public async Task<IReadOnlyList<SubscriberRow>> SubscribersAsync(CancellationToken cancellationToken) =>
        [.. (await StatusAsync(cancellationToken)).Subscribers.Select(SubscriberRow.From)];

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
