namespace Aggregator.Storage;

/// <summary>What <c>status</c> reads from the store beside subscribers' choices.</summary>
internal interface IStatusStore
{
    /// <summary>Every feed's state.</summary>
    Task<IReadOnlyList<FeedState>> ListFeedStatesAsync(CancellationToken cancellationToken);

    /// <summary>Per subscriber and channel message counts.</summary>
    Task<IReadOnlyList<DeliveryCounts>> CountDeliveriesAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DisabledEndpoint>> ListDisabledEndpointsAsync(CancellationToken cancellationToken);

    /// <summary>Per rule: how many new items it matched and when it last did.</summary>
    Task<IReadOnlyList<RuleStats>> ListRuleStatsAsync(CancellationToken cancellationToken);

    /// <summary>The kept config changes made through the console, in all and by outcome.</summary>
    Task<ConfigChangeCounts> CountConfigChangesAsync(CancellationToken cancellationToken);
}
