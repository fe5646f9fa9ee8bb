namespace Aggregator.Configuration;

/// <summary>The whole validated configuration: every file of the config directory merged.</summary>
internal sealed record AggregatorConfig
{
    /// <summary>Absolute path of the config directory; feed file paths are resolved against it.</summary>
    public required string Directory { get; init; }
    public SettingsOptions Settings { get; init; } = new();
    public IReadOnlyList<FeedDefinition> Feeds { get; init; } = [];
    public IReadOnlyList<RuleConfig> Rules { get; init; } = [];
    public IReadOnlyList<SubscriberDefinition> Subscribers { get; init; } = [];
}
