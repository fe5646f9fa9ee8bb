using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

/// <summary>Anything check-config accepts works at run time: every duration and size has a range, crons fire, connection strings parse.</summary>
public sealed class ConfigRangeTests
{
    private const string Feed = "feeds:\n  - id: world\n    url: https://feeds.example.org/world.xml\n";

    private static IReadOnlyList<string> Errors(string file, string yaml)
    {
        using var dir = new TempConfigDirectory();
        if (file != "feeds.yaml") dir.Write("feeds.yaml", Feed);
        dir.Write(file, yaml);
        return [.. new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path).Diagnostics
            .Where(d => d.IsError).Select(d => d.ToString()[(dir.Path.Length + 1)..])];
    }

    [Theory]
    [InlineData("alerts:\n    maxItemAge: 100000d", "settings.alerts.maxItemAge must be from 1m to 3650d, not '100000d'")]
    [InlineData("delivery:\n    retryMax: 1000000d", "settings.delivery.retryMax must be from 1s to 7d, not '1000000d'")]
    [InlineData("delivery:\n    maxAge: 400d", "settings.delivery.maxAge must be from 1m to 365d, not '400d'")]
    [InlineData("delivery:\n    retryInitial: 1ms", "settings.delivery.retryInitial must be from 100ms to 1d, not '1ms'")]
    [InlineData("polling:\n    timeout: 1h", "settings.polling.timeout must be from 1s to 10m, not '1h'")]
    [InlineData("polling:\n    minEvery: 0s", "settings.polling.minEvery must be from 1s to 30d, not '0s'")]
    [InlineData("polling:\n    maxBodySize: 2GiB", "settings.polling.maxBodySize must be from 1KiB to 1GiB, not '2GiB'")]
    [InlineData("storage:\n    provider: sqlite\n    connectionString: \"Data Sorce=x.db\"", "settings.storage.connectionString is not a valid sqlite connection string")]
    [InlineData("storage:\n    provider: postgres\n    connectionString: \"Host=db;Port=notaport\"", "settings.storage.connectionString is not a valid postgres connection string")]
    public void Settings_out_of_range_are_errors_with_their_position(string settings, string error)
    {
        var errors = Errors("settings.yaml", "settings:\n  " + settings + "\n");
        errors.ShouldHaveSingleItem().ShouldContain(error);
        errors[0].ShouldStartWith("settings.yaml:");
    }

    [Fact]
    public void The_widest_accepted_settings_work_at_run_time()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", Feed);
        dir.Write("settings.yaml", "settings:\n  alerts:\n    maxItemAge: 3650d\n  delivery:\n    retryInitial: 1d\n    retryMax: 7d\n    maxAge: 365d\n");
        var config = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path).Config.ShouldNotBeNull();

        // What the poller and the relay compute from them.
        Should.NotThrow(() => DateTimeOffset.UtcNow - config.Settings.Alerts.MaxItemAge);
        Should.NotThrow(() => DateTimeOffset.UtcNow + config.Settings.Delivery.MaxAge + config.Settings.Delivery.RetryMax);
    }

    [Fact]
    public void A_cron_that_never_fires_again_is_an_error()
    {
        var errors = Errors("feeds.yaml", Feed + "    cron: \"0 0 0 1 1 ? 2020\"\n");
        errors.ShouldHaveSingleItem().ShouldBe("feeds.yaml:4:11: error: the cron expression '0 0 0 1 1 ? 2020' for feed 'world' never fires again");
    }

    [Fact]
    public void A_cron_firing_more_often_than_min_every_is_an_error()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feeds.yaml", Feed + "    cron: \"* * * * * ?\"\n  - id: hourly\n    url: https://feeds.example.org/h.xml\n    cron: \"0 0 * * * ?\"\n");
        dir.Write("settings.yaml", "settings:\n  polling:\n    minEvery: 5m\n");
        var errors = new ConfigLoader(_ => null, TempConfigDirectory.ValidateQuery).Load(dir.Path).Diagnostics.Where(d => d.IsError).ToList();

        errors.ShouldHaveSingleItem().ToString().ShouldEndWith(
            "feeds.yaml:4:11: error: the cron of feed 'world' fires every 1s at times, more often than settings.polling.minEvery (5m)");
    }
}
