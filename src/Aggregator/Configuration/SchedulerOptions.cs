namespace Aggregator.Configuration;

internal sealed record SchedulerOptions
{
    /// <summary>Several <c>run</c> processes share the work through Quartz's clustered store; needs PostgreSQL.</summary>
    public bool Clustered { get; init; }
}
