using System.Security.Cryptography;
using Aggregator.Network;
using Aggregator.Configuration;
using Aggregator.Core.Items;
using Aggregator.Core.Query;
using Aggregator.Core.Stories;
using Aggregator.Delivery;
using Aggregator.Fetching;
using Aggregator.Observability;
using Aggregator.Parsing;
using Aggregator.Storage;
using Microsoft.Extensions.Logging;

namespace Aggregator.Pipeline;

/// <summary>
/// One poll of one feed, top to bottom: fetch, parse, drop items already seen, match, and commit the new
/// keys together with the alerts they queue, the feed's state and the poll's log entry. Every failure of the feed is
/// recorded in its state and never thrown: a broken feed stops nothing else.
/// </summary>
internal sealed class FeedPoller(
    ActiveConfig config,
    IFeedFetcher fetcher,
    IPollStore store,
    IOutbox outbox,
    ISubscriberChoiceReads choices,
    AggregatorMetrics metrics,
    RelaySignal relay,
    TimeProvider time,
    ILogger<FeedPoller> logger)
{
    public Task<PollResult> PollAsync(string feedId, CancellationToken cancellationToken) => PollAsync(new PollTicket(feedId), cancellationToken);

    public async Task<PollResult> PollAsync(PollTicket ticket, CancellationToken cancellationToken)
    {
        var feedId = ticket.FeedId;
        using var span = AggregatorActivities.StartPoll(feedId);
        var snapshot = config.Current;
        // A node that has not reloaded a new feed yet leaves its lease to run out, for a node that knows the feed.
        if (!snapshot.Feeds.TryGetValue(feedId, out var feed)) return PollResult.Skipped("feed no longer configured");

        // A claimed feed's state came with the claim, saving the poll a statement.
        var before = (ticket.Lease is { } claimed ? claimed.State : await store.GetFeedStateAsync(feedId, cancellationToken))
            ?? new FeedState { FeedId = feedId };
        if (before.Disabled) return await SkipAsync(ticket, before, "feed disabled (410 Gone)", cancellationToken);
        if (before.NotBefore > time.GetUtcNow()) return await SkipAsync(ticket, before, $"backing off until {before.NotBefore:O}", cancellationToken);

        var started = time.GetTimestamp();
        var outcome = await fetcher.FetchAsync(new FetchRequest(feed.Location, before.ETag, before.LastModified), cancellationToken)
            ;
        metrics.Fetched(outcome.Status.ToString().ToLowerInvariant(), time.GetElapsedTime(started));
        var now = time.GetUtcNow();
        var polled = before with
        {
            LastPollAt = now,
            LastHttpStatus = outcome.HttpStatus,
            PermanentRedirect = outcome.PermanentRedirect?.ToString() ?? before.PermanentRedirect,
        };

        var (after, result, items, archive) = outcome.Status switch
        {
            FetchStatus.Ok => await ProcessBodyAsync(snapshot, feed, polled, outcome, cancellationToken),
            FetchStatus.NotModified => new Step(Succeeded(polled, outcome, PollOutcome.NotModified), PollResult.NotModified),
            FetchStatus.Gone => new Step(
                polled with { Disabled = true, LastResult = PollOutcome.Gone, LastError = outcome.Error ?? "410 Gone" },
                PollResult.Failed("410 Gone: feed disabled")),
            FetchStatus.Throttled => new Step(
                polled with { LastResult = PollOutcome.Throttled, LastError = outcome.Error, NotBefore = now + (outcome.RetryAfter ?? Interval(feed, snapshot)) },
                PollResult.Failed(outcome.Error ?? "throttled")),
            _ => Failed(polled, feed, snapshot, outcome.Error ?? "fetch failed", now),
        };

        var log = new PollLogEntry(
            feed.Id, now, after.LastResult ?? result.Outcome, outcome.HttpStatus, outcome.Body?.LongLength,
            time.GetElapsedTime(started), result.NewItems, after.LastError, Redirected(feed, outcome));
        var queued = await store.CommitPollAsync(new PollCommit(after, items, log, archive, ticket.Lease), cancellationToken);
        if (items.Count > 0)
        {
            result = result with { Queued = queued };
            foreach (var rule in items.SelectMany(i => i.Messages.SelectMany(m => m.Alert.Rules).Select(r => r.RuleId).Distinct()).CountBy(id => id))
            {
                metrics.Matched(rule.Key, rule.Value);
                logger.LogInformation("Rule {RuleId} matched {Items} new items of {FeedId}", rule.Key, rule.Value, feed.Id);
            }
            Queued(queued);
        }

        var notices = FeedIncidents.ForFeed(snapshot, feed, before, after, now);
        if (notices.Count > 0 && await outbox.QueueAsync(notices, cancellationToken) > 0)
            Queued(notices.Count);

        metrics.Polls.Add(1, new KeyValuePair<string, object?>("result", result.Outcome.ToString().ToLowerInvariant()));
        if (result.NewItems > 0) metrics.NewItems.Add(result.NewItems);
        LogResult(feed.Id, result);
        return result;
    }

    /// <summary>A claimed feed that is not polled now still moves on to its next due time, in a commit of its own.</summary>
    private async Task<PollResult> SkipAsync(PollTicket ticket, FeedState state, string why, CancellationToken cancellationToken)
    {
        if (ticket.Lease is not null) await store.CommitPollAsync(new PollCommit(state, [], Lease: ticket.Lease), cancellationToken);
        return PollResult.Skipped(why);
    }

    /// <summary>Where the request ended when it was redirected, without credentials; null when it was not.</summary>
    private static string? Redirected(FeedDefinition feed, FetchOutcome outcome) =>
        outcome.FinalLocation is { } final && !final.Equals(feed.Location) ? UrlCredentials.WithoutUserInfo(final).ToString() : null;

    /// <summary>Counts alerts just queued and wakes the relay at once rather than at its next tick.</summary>
    private void Queued(int messages)
    {
        if (messages <= 0) return;
        metrics.Queued.Add(messages);
        relay.Notify();
    }

    private async Task<Step> ProcessBodyAsync(
        ConfigSnapshot snapshot, FeedDefinition feed, FeedState state, FetchOutcome outcome, CancellationToken cancellationToken)
    {
        var body = outcome.Body ?? [];
        var hash = Convert.ToHexStringLower(SHA256.HashData(body));
        if (hash == state.BodyHash) return new Step(Succeeded(state, outcome, PollOutcome.Unchanged), PollResult.Unchanged);

        ParsedFeed parsed;
        try
        {
            // Relative item links resolve against this: it must not lend them the feed's credentials.
            parsed = FeedParser.Parse(body, outcome.Charset, outcome.FinalLocation ?? UrlCredentials.WithoutUserInfo(feed.Location));
        }
        catch (FeedFormatException ex)
        {
            return Failed(state, feed, snapshot, ex.Message, time.GetUtcNow());
        }
        foreach (var note in parsed.Notes) logger.LogWarning("Feed {FeedId} is past a parsing limit: {Note}", feed.Id, note);

        var keys = parsed.Items.Select(i => i.Key).ToList();
        var seen = await store.FindSeenAsync(feed.Id, CollisionRecognition.KeysToLookUp(parsed.Items), cancellationToken);
        var unseen = parsed.Items.Where(i => !seen.Contains(i.Key)).ToList();
        var seenBefore = await CollisionRecognition.SeenUnderAnotherKeyAsync(store, feed.Id, unseen, seen, cancellationToken);
        var fresh = unseen.Where(i => !seenBefore.Contains(i.Key)).ToList();
        // Every key of this parse, a recognised one included, is present; keys recorded by the commit below start present.
        await store.PruneSeenAsync(feed.Id, keys, SeenRetention(snapshot), cancellationToken);
        var baseline = state.BodyHash is null && feed.FirstPoll == FirstPoll.Baseline;
        var now = time.GetUtcNow();

        // An item seen before under another key has its key of this parse recorded in the same commit, alerting no one.
        var regexBudget = new RegexBudget(time, RegexBudget.DefaultPerItem, RegexBudget.DefaultPerPoll);
        var keep = snapshot.Config.Settings.Console.Archive.Keep;
        var archived = new List<ArchivedItem>();
        var items = new List<SeenItem>(unseen.Count);
        var choicesOf = new Dictionary<string, SubscriberChoices>(StringComparer.Ordinal);
        foreach (var item in unseen)
        {
            var recognised = seenBefore.Contains(item.Key);
            var alertable = !baseline && !recognised && !AlertComposer.TooOld(snapshot, item, now);
            // The archive records what every rule matched, baseline and old items included, so a backtest can compare.
            var matches = alertable || keep > TimeSpan.Zero ? snapshot.Rules.Match(item, feed.Id, parsed.Title, regexBudget) : [];
            if (alertable) await ReadChoicesAsync(AlertComposer.Notified(snapshot, matches), choicesOf, cancellationToken);
            var drafts = alertable ? AlertComposer.Compose(snapshot, feed, parsed, item, matches, choicesOf, now) : [];
            // The print is taken once per item, and only for one that alerts someone who groups stories.
            var story = drafts.Any(d => d.StoryWindow is not null) ? StoryPrint.Of(item) : null;
            items.Add(new SeenItem(item.Key, drafts, ItemIdentity.Fingerprint(item), story));
            if (keep > TimeSpan.Zero)
                archived.Add(new ArchivedItem(feed.Id, item, now, baseline, recognised, [.. matches.Select(m => m.RuleId)]));
        }
        if (regexBudget.Skipped > 0)
        {
            logger.LogWarning("Feed {FeedId}: regex time budget spent ({PerItem} ms an item, {PerPoll} s a poll); {Skipped} regex evaluations counted as no match",
                feed.Id, RegexBudget.DefaultPerItem.TotalMilliseconds, RegexBudget.DefaultPerPoll.TotalSeconds, regexBudget.Skipped);
        }
        var next = Succeeded(state, outcome, PollOutcome.Parsed) with
        {
            BodyHash = hash,
            ItemsSeen = state.ItemsSeen + fresh.Count,
            LastNewItemAt = fresh.Count > 0 ? now : state.LastNewItemAt ?? now,
        };
        return new Step(next, PollResult.Parsed(fresh.Count, 0), items, new PollArchive(keep, archived));
    }

    /// <summary>Reads the choices of subscribers not read yet in this poll: once each, and only for those an item alerts.</summary>
    private async Task ReadChoicesAsync(IEnumerable<string> subscriberIds, Dictionary<string, SubscriberChoices> read, CancellationToken cancellationToken)
    {
        foreach (var id in subscriberIds)
            if (!read.ContainsKey(id)) read[id] = await choices.GetChoicesAsync(id, cancellationToken);
    }

    private static FeedState Succeeded(FeedState state, FetchOutcome outcome, PollOutcome result) => state with
    {
        LastResult = result,
        LastError = null,
        ConsecutiveFailures = 0,
        NotBefore = null,
        // A 304 usually omits the validators; the ones it answered keep serving.
        ETag = outcome.ETag ?? (outcome.Status == FetchStatus.NotModified ? state.ETag : null),
        LastModified = outcome.LastModified ?? (outcome.Status == FetchStatus.NotModified ? state.LastModified : null),
    };

    /// <summary>Consecutive failures double the wait (from the second one), capped at 16 intervals or 6 hours.</summary>
    private static Step Failed(FeedState state, FeedDefinition feed, ConfigSnapshot snapshot, string error, DateTimeOffset now)
    {
        var failures = state.ConsecutiveFailures + 1;
        var interval = Interval(feed, snapshot);
        var backoff = failures < 2 ? TimeSpan.Zero : interval * Math.Pow(2, Math.Min(failures - 1, 4));
        if (backoff > TimeSpan.FromHours(6)) backoff = TimeSpan.FromHours(6);
        var next = state with
        {
            LastResult = PollOutcome.Failed,
            LastError = error,
            ConsecutiveFailures = failures,
            NotBefore = backoff > TimeSpan.Zero ? now + backoff - TimeSpan.FromSeconds(1) : null,
        };
        return new Step(next, PollResult.Failed(error));
    }

    /// <summary>
    /// How long a key is kept once its item has left the feed: 30 days, or maxItemAge if longer, so an item
    /// that comes back while it could still be alerted is still recognised.
    /// </summary>
    private static TimeSpan SeenRetention(ConfigSnapshot snapshot) =>
        TimeSpan.FromDays(30) > snapshot.Config.Settings.Alerts.MaxItemAge ? TimeSpan.FromDays(30) : snapshot.Config.Settings.Alerts.MaxItemAge;

    private static TimeSpan Interval(FeedDefinition feed, ConfigSnapshot snapshot) =>
        feed.Every ?? snapshot.Config.Settings.Polling.DefaultEvery;

    private void LogResult(string feedId, PollResult result)
    {
        if (result.Outcome == PollOutcome.Failed)
            logger.LogWarning("Poll of {FeedId} failed: {Error}", feedId, result.Detail);
        else
            logger.LogDebug("Poll of {FeedId}: {Outcome}, {NewItems} new, {Queued} alerts queued", feedId, result.Outcome, result.NewItems, result.Queued);
    }

    /// <summary>What a poll leads to: the feed's next state, the result, and the items to record with the alerts they queue.</summary>
    private sealed record Step(FeedState State, PollResult Result, IReadOnlyList<SeenItem> Items, PollArchive? Archive = null)
    {
        public Step(FeedState state, PollResult result)
            : this(state, result, [])
        {
        }
    }
}
