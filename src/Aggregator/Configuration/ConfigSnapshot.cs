using System.Collections.Frozen;
using Aggregator.Configuration;
using Aggregator.Core.Query;

namespace Aggregator.Configuration;

/// <summary>
/// One validated configuration with everything derived from it (the compiled rule index, lookups).
/// Immutable: a reload builds a new snapshot and swaps it in whole, so a poll never sees half a config.
/// </summary>
internal sealed class ConfigSnapshot
{
    private ConfigSnapshot(AggregatorConfig config, RuleIndex rules)
    {
        Config = config;
        Rules = rules;
        Feeds = config.Feeds.ToFrozenDictionary(f => f.Id, StringComparer.Ordinal);
        RulesById = config.Rules.ToFrozenDictionary(r => r.Id, StringComparer.Ordinal);
        Subscribers = config.Subscribers.ToFrozenDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public AggregatorConfig Config { get; }
    public RuleIndex Rules { get; }
    public FrozenDictionary<string, FeedDefinition> Feeds { get; }
    public FrozenDictionary<string, RuleConfig> RulesById { get; }
    public FrozenDictionary<string, SubscriberDefinition> Subscribers { get; }

    /// <summary>Compiles the rules of a config that has already passed validation.</summary>
    public static ConfigSnapshot Create(AggregatorConfig config)
    {
        var definitions = config.Rules.Where(r => r.Enabled).Select(r => new RuleDefinition(r.Id, r.Query, config.FeedIdsOf(r)));
        return new ConfigSnapshot(config, RuleIndex.Build(definitions));
    }
}
