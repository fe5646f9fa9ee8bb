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

    /// <summary>
    /// The ids of the feeds <paramref name="rule"/> watches, with <c>tag:</c> references resolved, as
    /// <see cref="Core.Query.RuleDefinition.FeedIds"/> wants them; null means every feed.
    /// </summary>
    public IReadOnlySet<string>? FeedIdsOf(RuleConfig rule)
    {
        if (rule.Feeds.Count == 0) return null;
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in rule.Feeds)
        {
            if (reference.StartsWith("tag:", StringComparison.Ordinal))
                ids.UnionWith(Feeds.Where(f => f.Tags.Contains(reference[4..])).Select(f => f.Id));
            else
                ids.Add(reference);
        }
        return ids;
    }
}
