using Aggregator.Core.Alerts;

namespace Aggregator.Configuration;

/// <summary>One entry of <c>subscribers</c>: who receives alerts, how, and how often.</summary>
internal sealed record SubscriberDefinition
{
    public required string Id { get; init; }
    public IReadOnlyList<string> Email { get; init; } = [];
    public WebhookTarget? Webhook { get; init; }
    public DigestSchedule Digest { get; init; } = DigestSchedule.Immediate;
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Whether copies of a story already alerted are grouped with its alert (<c>settings.alerts.storyWindow</c>) or each sent.</summary>
    public StoryCopies Stories { get; init; } = StoryCopies.Group;
}

/// <summary>
/// A Standard Webhooks endpoint. Several secrets sign every message with each of them, so a receiver
/// can rotate keys without losing messages.
/// </summary>
internal sealed record WebhookTarget
{
    public required Uri Url { get; init; }
    public IReadOnlyList<string> Secrets { get; init; } = [];

    /// <summary>The endpoint as it is shown and remembered (a disabled endpoint): its URL with credentials redacted.</summary>
    public string Endpoint => Urls.Redact(Url);
}
