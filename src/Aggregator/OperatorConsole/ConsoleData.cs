using Aggregator.Backtesting;
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
    RelaySignal relay, IItemArchive archive, Backtester backtester, Explainer explainer, ISubscriberChoiceReads choices, TimeProvider time)
{
    /// <summary>Archived items the playground reads as one types: the newest, so each keystroke answers at once.</summary>
    public const int PreviewItems = 5_000;

    /// <summary>Archived items a feed's page lists, the newest.</summary>
    public const int RecentItems = 20;

    /// <summary>Matches the playground lists; the counts cover every match.</summary>
    public const int ListedMatches = 50;

    /// <summary>Feeds per page of the feeds list, so a page stays quick with 10,000 feeds.</summary>
    public const int FeedsPerPage = 100;

    /// <summary>Messages per page of the deliveries list.</summary>
    public const int MessagesPerPage = 100;

    public ConsoleAuthMode AuthMode => config.Current.Config.Settings.Console.Auth.Mode;

    public async Task<DashboardView> DashboardAsync(CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        var troubled = await FailingAsync(snapshot, cancellationToken);
        var subscribers = await SubscriberStatus.ReadAllAsync(snapshot.Config, store, cancellationToken);
        var failAfter = snapshot.Config.Settings.Alerts.FeedFailingAfter;
        var now = time.GetUtcNow();
        return new DashboardView(
            now,
            Health(now),
            config.Generation,
            reloads.LastReload is { } reload ? ReloadView.From(reload) : null,
            snapshot.Feeds.Count,
            troubled.Count(f => f.ConsecutiveErrors > 0),
            troubled.Count(f => f.Disabled),
            snapshot.Config.Rules.Count,
            subscribers.Sum(s => s.Queued),
            subscribers.Sum(s => s.DeadLettered),
            [.. troubled.Where(f => f.ConsecutiveErrors >= failAfter || f.Disabled).OrderByDescending(f => f.ConsecutiveErrors).Take(20).Select(f => FeedRow.From(f))]);
    }

    /// <summary>
    /// A page of the feeds list, in config order. Only the page's states are read (or the few failing ones), so a page
    /// costs the same with 10 feeds or 10,000.
    /// </summary>
    public async Task<FeedsView> FeedsAsync(bool failingOnly, int page, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        var polling = snapshot.Config.Settings.Polling;
        IReadOnlyList<FeedStatus> shown;
        int total, pages;
        if (failingOnly)
        {
            var failing = await FailingAsync(snapshot, cancellationToken);
            total = failing.Count;
            pages = Math.Max(1, (total + FeedsPerPage - 1) / FeedsPerPage);
            page = Math.Clamp(page, 1, pages);
            shown = [.. failing.Skip((page - 1) * FeedsPerPage).Take(FeedsPerPage)];
        }
        else
        {
            total = snapshot.Config.Feeds.Count;
            pages = Math.Max(1, (total + FeedsPerPage - 1) / FeedsPerPage);
            page = Math.Clamp(page, 1, pages);
            var definitions = snapshot.Config.Feeds.Skip((page - 1) * FeedsPerPage).Take(FeedsPerPage).ToList();
            var states = (await console.ListFeedStatesAsync([.. definitions.Select(f => f.Id)], cancellationToken)).ToDictionary(s => s.FeedId, StringComparer.Ordinal);
            shown = [.. definitions.Select(f => FeedStatus.From(f, states.GetValueOrDefault(f.Id), polling))];
        }
        var recent = await console.ListRecentPollsAsync([.. shown.Select(f => f.Id)], PollLog.KeptPerFeed, cancellationToken);
        return new FeedsView([.. shown.Select(f => FeedRow.From(f, recent.GetValueOrDefault(f.Id)))], total, page, pages, failingOnly);
    }

    /// <summary>The configured feeds whose last poll failed or that are disabled, in config order.</summary>
    private async Task<IReadOnlyList<FeedStatus>> FailingAsync(ConfigSnapshot snapshot, CancellationToken cancellationToken)
    {
        var states = (await console.ListFailingFeedStatesAsync(cancellationToken)).ToDictionary(s => s.FeedId, StringComparer.Ordinal);
        return [.. snapshot.Config.Feeds.Where(f => states.ContainsKey(f.Id)).Select(f => FeedStatus.From(f, states[f.Id], snapshot.Config.Settings.Polling))];
    }

    public async Task<FeedView?> FeedAsync(string id, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        if (!snapshot.Feeds.TryGetValue(id, out var definition)) return null;
        var feed = FeedStatus.From(definition, await polls.GetFeedStateAsync(id, cancellationToken), snapshot.Config.Settings.Polling);
        var log = await console.ListPollsAsync(id, PollLog.KeptPerFeed, cancellationToken);
        var recent = log.Select(p => new RecentPoll(p.PolledAt, p.Outcome, p.HttpStatus, p.NewItems)).ToList();
        var items = await archive.ListArchivedAsync(new ArchiveQuery(RecentItems, [id]), cancellationToken);
        return new FeedView(FeedRow.From(feed, recent), [.. log.Select(PollRow.From)], [.. items.Select(ItemRow.From)]);
    }

    public async Task<DeliveriesView> DeliveriesAsync(DeliveryFilter filter, string? notice, CancellationToken cancellationToken)
    {
        var query = new DeliveryQuery(MessagesPerPage + 1, NullIfEmpty(filter.Subscriber), NullIfEmpty(filter.Rule), DeliveryStatuses.Parse(filter.Status),
            From: Times.TryParse(filter.Since), BeforeId: filter.Before);
        var records = await console.ListDeliveriesAsync(query, cancellationToken);
        var page = records.Take(MessagesPerPage).Select(DeliveryRow.From).ToList();
        return new DeliveriesView(await SubscribersAsync(cancellationToken), page, filter,
            records.Count > MessagesPerPage ? page[^1].Id : null, notice);
    }

    public async Task<MessageView?> MessageAsync(long id, CancellationToken cancellationToken)
    {
        if (await console.GetMessageAsync(id, cancellationToken) is not { } record) return null;
        var row = DeliveryRow.From(record);
        var copies = record.Alert is null ? [] : (await outbox.StoryCopiesAsync([record.Alert.AlertId], cancellationToken))
            .Where(c => c.StoryAlertId == record.Alert.AlertId)
            .Select(c => new StoryCopyRow(c.RuleId, c.Source.FeedId, c.Source.FeedTitle, c.Source.Title, c.Source.Link, Core.Stories.StoryReasons.Of(c.MatchedBy), c.Source.At))
            .ToList();
        if (record.Alert is not { } alert) return new MessageView(row, "unreadable", record.LastError ?? "the stored message cannot be read", copies);
        if (record.Channel == DeliveryChannel.Webhook)
        {
            var json = Core.Rendering.WebhookPayload.Matched(alert, record.SentAt ?? record.DueAt);
            var pretty = System.Text.Json.JsonSerializer.Serialize(System.Text.Json.JsonDocument.Parse(json).RootElement, Indented);
            return new MessageView(row, "webhook body (alert.matched)", pretty, copies);
        }
        var email = Core.Rendering.AlertMessage.Email(alert);
        return new MessageView(row, $"Subject: {email.Subject}", email.TextBody, copies);
    }

    public async Task<IReadOnlyList<RuleRow>> RulesAsync(CancellationToken cancellationToken)
    {
        var stats = (await store.ListRuleStatsAsync(cancellationToken)).ToDictionary(r => r.RuleId, StringComparer.Ordinal);
        var notRelevant = (await choices.NotRelevantCountsAsync(cancellationToken)).ToDictionary(c => c.RuleId, c => c.Count, StringComparer.Ordinal);
        return [.. config.Current.Config.Rules.Select(r => new RuleRow(
            r.Id, r.Query, stats.GetValueOrDefault(r.Id)?.Matches ?? 0, stats.GetValueOrDefault(r.Id)?.LastMatchAt, r.Notify, r.Enabled, notRelevant.GetValueOrDefault(r.Id)))];
    }

    /// <summary>The playground: <paramref name="query"/> (or, when empty, the rule's current query) over the newest archived items, or all of them.</summary>
    public async Task<TryView> TryAsync(string? query, string? ruleId, bool all, CancellationToken cancellationToken)
    {
        var snapshot = config.Current;
        ruleId = NullIfEmpty(ruleId);
        var ruleIds = snapshot.Config.Rules.Select(r => r.Id).ToList();
        query = NullIfEmpty(query) ?? (ruleId is not null && snapshot.RulesById.TryGetValue(ruleId, out var rule) ? rule.Query : null);
        if (query is null) return Empty(string.Empty, ruleId, ruleIds, all, null, null);
        var run = await backtester.TryAsync(query, ruleId, all ? Backtester.MaxItems : PreviewItems, cancellationToken);
        if (run.Status == BacktestStatus.ArchiveOff)
            return Empty(query, ruleId, ruleIds, all, null, "The archive is off (settings.console.archive.keep: 0): there is nothing to try the query on.");
        if (run.Result is not { } result) return Empty(query, ruleId, ruleIds, all, run.Error, null);
        return new TryView(query, ruleId, ruleIds, all, null, result.Evaluated == 0 ? "The archive is empty so far: it fills as feeds are polled." : null,
            result.Evaluated, result.Matches.Count,
            [.. result.Matches.Take(ListedMatches).Select(m => new TryMatch(ItemRow.From(m.Item), m.WouldAlert,
                [.. m.Match.Matches.Select(t => Highlighted(t, m.Item))]))],
            [.. result.PerFeed.Select(c => new CountRow(c.FeedId, c.Count))],
            [.. result.PerDay.Select(c => new CountRow(c.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Count))],
            run.CurrentQuery,
            [.. (run.AgainstCurrent?.NewlyMatched ?? []).Select(ItemRow.From)],
            [.. (run.AgainstCurrent?.NoLongerMatched ?? []).Select(ItemRow.From)]);
    }

    public async Task<ExplainView> ExplainAsync(string? ruleId, string? item, CancellationToken cancellationToken)
    {
        var ruleIds = config.Current.Config.Rules.Select(r => r.Id).ToList();
        ruleId = NullIfEmpty(ruleId);
        item = NullIfEmpty(item);
        if (ruleId is null || item is null) return new ExplainView(ruleId, item, ruleIds, null, []);
        var run = await explainer.ExplainAsync(ruleId, item, null, cancellationToken);
        var error = run.Status switch
        {
            ExplainStatus.UnknownRule => $"No rule '{ruleId}' in the config.",
            ExplainStatus.ArchiveOff => "The archive is off (settings.console.archive.keep: 0): nothing can be explained.",
            ExplainStatus.NotArchived => "No archived item has that link or key (the archive keeps what was read in the last settings.console.archive.keep).",
            _ => null,
        };
        return new ExplainView(ruleId, item, ruleIds, error, [.. run.Items.Select(e => new ExplainItem(
            ItemRow.From(e.Item), e.Alerted, e.InScope, e.Matches, e.MatchedAtPoll, e.TooOld,
            [.. e.Terms.Select(t => new TermRow(t.Term, t.Fields, t.Negated, t.Hit, [.. (t.Evidence ?? []).Select(m => Highlighted(m, e.Item))]))],
            e.Reasons))]);
    }

    private static Highlight Highlighted(Core.Query.TermMatch match, Core.Items.ArchivedItem item)
    {
        var split = Core.Rendering.HighlightedSnippet.For(match, item.Item, item.FeedId);
        return new Highlight(match.Field, split.Before, split.Marked, split.After);
    }

    private static TryView Empty(string query, string? ruleId, IReadOnlyList<string> ruleIds, bool all, string? error, string? notice) =>
        new(query, ruleId, ruleIds, all, error, notice, 0, 0, [], [], [], null, [], []);

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

    private WorkerHealth Health(DateTimeOffset now)
    {
        var path = heartbeat.Path;
        var beat = File.Exists(path) ? Heartbeat.FromJson(File.ReadAllText(path)) : null;
        return beat is null
            ? new WorkerHealth(null, ["no heartbeat yet (the worker is starting)"])
            : new WorkerHealth(beat.At, beat.Problems(now));
    }
}
