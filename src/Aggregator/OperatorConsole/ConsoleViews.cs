using Aggregator.Configuration;
using Aggregator.Status;

namespace Aggregator.OperatorConsole;

// What the pages show. Razor components are public classes, so the records their parameters take are public
// too; they hold plain values only, mapped here from the worker's internal reports.

/// <summary>What every console page's frame shows: its title, who is signed in, and the sign-out form.</summary>
public sealed record PageShell(string Title, string Operator, FormToken Form, bool CanSignOut);

/// <summary>The antiforgery field a console form carries; a post without it is refused.</summary>
public sealed record FormToken(string FieldName, string Value);

/// <summary>One feed as the console lists it; <see cref="Badge"/> is one word for its state.</summary>
public sealed record FeedRow(
    string Id, string Url, string Badge, string? LastResult, int? HttpStatus, string? LastError, int Failures,
    DateTimeOffset? LastPollAt, DateTimeOffset? NextPollAt, long ItemsSeen, DateTimeOffset? LastNewItemAt, string? MovedTo)
{
    internal static FeedRow From(FeedStatus f) => new(
        f.Id, f.Url, FeedBadge.Of(f), f.LastResult, f.LastHttpStatus, f.LastError, f.ConsecutiveErrors,
        f.LastPollAt, f.NextPollAt, f.ItemsSeen, f.LastNewItemAt, f.RedirectedTo);
}

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
