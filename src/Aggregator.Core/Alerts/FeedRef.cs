namespace Aggregator.Core.Alerts;

/// <summary>The feed an alert came from, as the subscriber sees it.</summary>
public sealed record FeedRef(string Id, string Title, string Url);
