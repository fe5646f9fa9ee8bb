using Aggregator.Configuration;
using Aggregator.Status;
using Aggregator.Storage;

namespace Aggregator.OperatorConsole;

// What the pages show. Razor components are public classes, so the records their parameters take are public
// too; they hold plain values only, mapped here from the worker's internal reports.

/// <summary>What every console page's frame shows: its title, who is signed in, and the sign-out form.</summary>
public sealed record PageShell(string Title, string Operator, FormToken Form, bool CanSignOut);

/// <summary>The antiforgery field a console form carries; a post without it is refused.</summary>
public sealed record FormToken(string FieldName, string Value);

/// <summary>
/// One feed as the console lists it; <see cref="Badge"/> is one word for its state, <see cref="Recent"/> its last polls
/// newest first, <see cref="ItemsPerDay"/> the new items of those polls over the time they span.
/// </summary>
public sealed record FeedRow(
    string Id, string Url, string Badge, string? LastResult, int? HttpStatus, string? LastError, int Failures,
    DateTimeOffset? LastPollAt, DateTimeOffset? NextPollAt, long ItemsSeen, DateTimeOffset? LastNewItemAt, string? MovedTo,
    IReadOnlyList<PollMark> Recent, double? ItemsPerDay)
{
    internal static FeedRow From(FeedStatus f, IReadOnlyList<RecentPoll>? recent = null)
    {
        var marks = (recent ?? []).Select(p => new PollMark(p.PolledAt, PollOutcomeNames.Name(p.Outcome), p.HttpStatus, p.NewItems)).ToList();
        double? perDay = null;
        if (marks.Count >= 2 && (marks[0].At - marks[^1].At) is { TotalDays: > 0 } span)
            perDay = Math.Round(marks.Take(marks.Count - 1).Sum(m => m.NewItems) / span.TotalDays, 1);
        return new(f.Id, f.Url, FeedBadge.Of(f), f.LastResult, f.LastHttpStatus, f.LastError, f.ConsecutiveErrors,
            f.LastPollAt, f.NextPollAt, f.ItemsSeen, f.LastNewItemAt, f.RedirectedTo, marks, perDay);
    }
}

/// <summary>One poll in a feed's strip: when, how it ended (<c>ok</c>, <c>not-modified</c>, <c>failed</c>...), and what it found.</summary>
public sealed record PollMark(DateTimeOffset At, string Outcome, int? HttpStatus, int NewItems);

/// <summary>A page of the feeds list.</summary>
public sealed record FeedsView(IReadOnlyList<FeedRow> Feeds, int Total, int Page, int Pages, bool FailingOnly);

/// <summary>One entry of a feed's poll log.</summary>
public sealed record PollRow(
    DateTimeOffset At, string Outcome, int? HttpStatus, long? Bytes, double DurationMs, int NewItems, string? Error, string? FinalUrl)
{
    internal static PollRow From(PollLogEntry e) => new(
        e.PolledAt, PollOutcomeNames.Name(e.Outcome), e.HttpStatus, e.BytesReceived, Math.Round(e.Duration.TotalMilliseconds, 1),
        e.NewItems, e.Error, e.FinalUrl is { } url ? Urls.Redact(url) : null);
}

/// <summary>A feed's page: its state, its poll log, and its newest archived items.</summary>
public sealed record FeedView(FeedRow Feed, IReadOnlyList<PollRow> Polls, IReadOnlyList<ItemRow> RecentItems);

/// <summary>An outbox message as the deliveries list shows it.</summary>
public sealed record DeliveryRow(
    long Id, string SubscriberId, string Channel, string Status, int Attempts, DateTimeOffset CreatedAt, DateTimeOffset DueAt,
    DateTimeOffset? SentAt, DateTimeOffset? DeadAt, string? LastError, IReadOnlyList<string> Rules, string? FeedId, string? ItemTitle,
    string? AlertId, IReadOnlyList<string>? WaitingFor)
{
    internal static DeliveryRow From(DeliveryRecord r) => new(
        r.Id, r.SubscriberId, DeliveryChannelNames.Name(r.Channel), DeliveryStatuses.Name(r.Status), r.Attempts, r.CreatedAt, r.DueAt,
        r.SentAt, r.DeadAt, r.LastError, r.Alert is { } a ? [.. a.Rules.Select(m => m.RuleId)] : [], r.Alert?.Feed.Id, r.Alert?.Item.Title,
        r.Alert?.AlertId, r.PendingRecipients);
}

/// <summary>Which messages the deliveries page lists; every filter set narrows it (<see cref="Since"/>: created at or after, UTC).</summary>
public sealed record DeliveryFilter(string? Subscriber, string? Rule, string? Status, long? Before, string? Since = null);

public sealed record DeliveriesView(
    IReadOnlyList<SubscriberRow> Subscribers, IReadOnlyList<DeliveryRow> Messages, DeliveryFilter Filter, long? NextBefore, string? Notice);

/// <summary>A message as its subscriber saw it: the mail's subject and text, or the webhook's JSON body.</summary>
/// <param name="Copies">Copies of the alert's story recorded with it instead of being sent.</param>
public sealed record MessageView(DeliveryRow Message, string Heading, string Body, IReadOnlyList<StoryCopyRow> Copies);

/// <summary>A copy of a story grouped with an alert: the rule, where it appeared, and what made it the same story.</summary>
public sealed record StoryCopyRow(string Rule, string FeedId, string FeedTitle, string Title, string? Link, string MatchedBy, DateTimeOffset GroupedAt);

public sealed record SubscriberRow(
    string Id, int Queued, int Sent, int Failing, int DeadLetters, DateTimeOffset? LastSentAt, string? LastError,
    IReadOnlyList<string> WaitingFor, IReadOnlyList<string> DisabledEndpoints)
{
    internal static SubscriberRow From(SubscriberStatus s) =>
        new(s.Id, s.Queued, s.Sent, s.Failed, s.DeadLettered, s.LastSentAt, s.LastError, s.WaitingFor, s.DisabledEndpoints);
}

/// <summary>The last reload: accepted or refused, with every problem at its <c>path:line:col</c>.</summary>
public sealed record ReloadView(DateTimeOffset At, bool Accepted, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings, string? Failure)
{
    internal static ReloadView From(ReloadReport r) => new(
        r.At, r.Accepted,
        [.. r.Diagnostics.Where(d => d.IsError).Select(d => d.ToString())],
        [.. r.Diagnostics.Where(d => !d.IsError).Select(d => d.ToString())],
        r.Failure);
}

/// <summary>The worker's own judgement, as <c>health</c> gives it.</summary>
public sealed record WorkerHealth(DateTimeOffset? HeartbeatAt, IReadOnlyList<string> Problems)
{
    public bool Healthy => Problems.Count == 0;
}

public sealed record DashboardView(
    DateTimeOffset At,
    WorkerHealth Health,
    long ConfigGeneration,
    ReloadView? LastReload,
    int Feeds,
    int FailingFeeds,
    int DisabledFeeds,
    int Rules,
    int Queued,
    int DeadLetters,
    IReadOnlyList<FeedRow> Incidents);

/// <summary>A rule as the rules list shows it; <see cref="NotRelevant"/> counts its alerts subscribers marked "not relevant".</summary>
public sealed record RuleRow(string Id, string Query, long Matches, DateTimeOffset? LastMatchAt, IReadOnlyList<string> Notify, bool Enabled, long NotRelevant);

/// <summary>A term found in an item, split so the page can mark it.</summary>
public sealed record Highlight(string Field, string Before, string Marked, string After);

/// <summary>An archived item the playground or an explanation names.</summary>
public sealed record ItemRow(string FeedId, string Key, string Title, string? Link, DateTimeOffset SeenAt)
{
    internal static ItemRow From(Core.Items.ArchivedItem i) => new(i.FeedId, i.Item.Key, i.Item.Title, i.Item.Link, i.SeenAt);
}

/// <summary>A match of the playground's query: the item, whether it would have alerted, and its highlighted terms.</summary>
public sealed record TryMatch(ItemRow Item, bool WouldAlert, IReadOnlyList<Highlight> Highlights);

public sealed record CountRow(string Label, int Count);

/// <summary>
/// The rule playground: the query tried (within a rule's feeds when one is chosen), what it matches among the newest
/// archived items, per feed and per day, and, against the rule's current query, what it adds and what it drops.
/// </summary>
public sealed record TryView(
    string Query, string? RuleId, IReadOnlyList<string> RuleIds, bool All, string? Error, string? Notice,
    int Evaluated, int MatchCount, IReadOnlyList<TryMatch> Matches, IReadOnlyList<CountRow> PerFeed, IReadOnlyList<CountRow> PerDay,
    string? CurrentQuery, IReadOnlyList<ItemRow> Added, IReadOnlyList<ItemRow> Removed);

public sealed record TermRow(string Term, string? Fields, bool Negated, bool Hit, IReadOnlyList<Highlight> Evidence);

public sealed record ExplainItem(
    ItemRow Item, bool Alerted, bool InScope, bool Matches, bool MatchedAtPoll, bool TooOld, IReadOnlyList<TermRow> Terms, IReadOnlyList<string> Reasons);

/// <summary>Why an archived item did or did not alert for a rule.</summary>
public sealed record ExplainView(string? RuleId, string? Item, IReadOnlyList<string> RuleIds, string? Error, IReadOnlyList<ExplainItem> Items);
