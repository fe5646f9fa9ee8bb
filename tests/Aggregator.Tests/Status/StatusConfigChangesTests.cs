using System.Text.Json;
using Aggregator.Status;
using Aggregator.Storage;
using Aggregator.Storage.Sqlite;
using Aggregator.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Status;

/// <summary>How <c>status</c> reports the config changes made in the console.</summary>
public sealed class StatusConfigChangesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Status_json_counts_the_changes_by_outcome_with_the_last_ones_time()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        using (var store = new SqliteStateStore($"Data Source={work.Combine("data", "aggregator.db")}", new FakeTimeProvider(Now)))
        {
            await store.MigrateAsync(ct);
            var accepted = await store.RecordConfigChangeAsync(Change(Now.AddMinutes(-30), ConfigWriteMode.Direct), ct);
            await store.SetConfigChangeOutcomeAsync(accepted, ConfigChangeOutcome.Accepted, null, ct);
            var rejected = await store.RecordConfigChangeAsync(Change(Now.AddMinutes(-20), ConfigWriteMode.Direct), ct);
            await store.SetConfigChangeOutcomeAsync(rejected, ConfigChangeOutcome.Rejected, "feeds.yaml:2:5: duplicate feed id 'world'", ct);
            await store.RecordConfigChangeAsync(Change(Now.AddMinutes(-10), ConfigWriteMode.Direct), ct);
            await store.RecordConfigChangeAsync(Change(Now, ConfigWriteMode.Patch), ct);
        }
        SqliteConnection.ClearAllPools();

        var (code, stdout, stderr) = await AggregatorProcess.RunAsync(work.Path, null, ct, "status", "--json", "--config", RepoPaths.BundledConfig);

        code.ShouldBe(0, stderr);
        var changes = JsonDocument.Parse(stdout).RootElement.GetProperty("configChanges");
        changes.GetRawText().ShouldBe("""{"total":4,"accepted":1,"rejected":1,"pending":1,"offered":1,"lastAt":"2026-12-04T10:00:00+00:00"}""");
    }

    [Fact]
    public void Status_text_has_one_line_on_config_changes_only_when_there_are_some()
    {
        var none = Text(ConfigChangeCounts.None);
        var some = Text(new ConfigChangeCounts(5, 3, 1, 0, 1, Now));

        none.ShouldNotContain("CONFIG CHANGES");
        some.ShouldEndWith(
            "CONFIG CHANGES  5 made in the console: 3 accepted, 1 rejected, 0 pending, 1 offered as patches; last 2026-12-04 10:00:00Z" + Environment.NewLine);
        some.ShouldStartWith(none);
    }

    private static ConfigChange Change(DateTimeOffset at, ConfigWriteMode mode) => new(
        0, at, "ana", "feeds.yaml", "--- a/feeds.yaml\n+++ b/feeds.yaml\n", mode,
        mode == ConfigWriteMode.Patch ? ConfigChangeOutcome.Offered : ConfigChangeOutcome.Pending);

    private static string Text(ConfigChangeCounts changes)
    {
        using var output = new StringWriter();
        StatusText.Write(new StatusReport(Now, [], [], [], changes, []), output);
        return output.ToString();
    }
}
