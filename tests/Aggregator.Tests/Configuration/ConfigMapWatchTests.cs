using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Text;
using Aggregator.Configuration;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Configuration;

/// <summary>
/// A Kubernetes ConfigMap volume, laid out and updated the way the kubelet's atomic writer does it:
/// <c>aggregator.yaml -> ..data/aggregator.yaml</c>, <c>..data -> ..2026_12_04_10_00_00.123</c>; an update
/// writes a new timestamped directory, renames a <c>..data_tmp</c> link over <c>..data</c> and removes the old one.
/// The visible file itself never changes.
/// </summary>
public sealed class ConfigMapWatchTests
{
    private static string Feeds(string every) => $"""
        feeds:
          - id: world
            url: https://feeds.example.org/world.xml
            every: {every}
        """;

    [Fact]
    public void Loads_through_the_links_and_skips_the_hidden_directories()
    {
        using var volume = new TempDirectory();
        Publish(volume, "..2026_12_04_10_00_00.123", Feeds("5m"));
        Directory.CreateSymbolicLink(volume.Combine("..data"), "..2026_12_04_10_00_00.123");
        File.CreateSymbolicLink(volume.Combine("aggregator.yaml"), "..data/aggregator.yaml");

        var result = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(volume.Path);

        result.Diagnostics.ShouldBeEmpty();
        result.Config.ShouldNotBeNull().Feeds.ShouldHaveSingleItem().Every.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void Follows_an_update_that_swaps_the_data_link()
    {
        var ct = TestContext.Current.CancellationToken;
        using var volume = new TempDirectory();
        Publish(volume, "..2026_12_04_10_00_00.123", Feeds("5m"));
        Directory.CreateSymbolicLink(volume.Combine("..data"), "..2026_12_04_10_00_00.123");
        File.CreateSymbolicLink(volume.Combine("aggregator.yaml"), "..data/aggregator.yaml");
        var loader = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery);
        var initial = loader.Load(volume.Path).Config.ShouldNotBeNull();
        var reloads = new BlockingCollection<AggregatorConfig>();
        using var watcher = new ConfigWatcher(volume.Path, initial, loader, new ListLogger<ConfigWatcher>(), TimeProvider.System, TimeSpan.FromMilliseconds(100));
        watcher.Reloaded += (_, e) => reloads.Add(e.Config, ct);
        watcher.Start();

        Publish(volume, "..2026_12_04_10_05_00.456", Feeds("10m"));
        Directory.CreateSymbolicLink(volume.Combine("..data_tmp"), "..2026_12_04_10_05_00.456");
        Rename(Encoding.UTF8.GetBytes(volume.Combine("..data_tmp") + "\0"), Encoding.UTF8.GetBytes(volume.Combine("..data") + "\0"))
            .ShouldBe(0, "rename(2) of the link");
        Directory.Delete(volume.Combine("..2026_12_04_10_00_00.123"), recursive: true);

        reloads.TryTake(out var updated, 15_000, ct).ShouldBeTrue("the swap of ..data is noticed");
        updated!.Feeds.ShouldHaveSingleItem().Every.ShouldBe(TimeSpan.FromMinutes(10));
        watcher.Current.ShouldBeSameAs(updated);
    }

    private static void Publish(TempDirectory volume, string timestamped, string yaml) =>
        volume.Write(Path.Combine(timestamped, "aggregator.yaml"), yaml);

    /// <summary>The kubelet's swap is rename(2) of one link over another; File.Move would look through the links.</summary>
    [DllImport("libc", EntryPoint = "rename", SetLastError = true)]
    private static extern int Rename(byte[] from, byte[] to);
}
