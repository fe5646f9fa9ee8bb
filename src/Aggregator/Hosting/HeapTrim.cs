using System.Runtime;

namespace Aggregator.Hosting;

/// <summary>
/// Loading a large config (10,000 feeds and rules) allocates over 100 MiB of short-lived YAML nodes, which
/// survive long enough to be promoted to generation 2 and would otherwise stay committed for hours, until
/// the next full collection. One compacting collection once the config is applied returns that memory.
/// </summary>
internal static class HeapTrim
{
    public static void AfterConfigApplied()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }
}
