namespace Aggregator.Tests.Fetching;

/// <summary>Tests that measure process-wide allocations run with nothing else alongside.</summary>
[CollectionDefinition(DisableParallelization = true)]
public sealed class AllocationMeasured;
