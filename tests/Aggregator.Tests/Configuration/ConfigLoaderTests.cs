using Aggregator.Configuration;

namespace Aggregator.Tests.Configuration;

public sealed class ConfigLoaderTests
{
    private const string Subscriber = """
        subscribers:
          - id: ops
            email: ops@example.org
        """;

    [Fact]
    public void An_empty_directory_is_a_valid_config_with_every_default()
    {
        using var dir = new TempConfigDirectory();

        var result = dir.Load();

        result.Diagnostics.ShouldBeEmpty();
        var config = result.Config.ShouldNotBeNull();
        config.Settings.ShouldBe(new SettingsOptions());
        config.Feeds.ShouldBeEmpty();
        config.Rules.ShouldBeEmpty();
        config.Subscribers.ShouldBeEmpty();
    }

    [Fact]
    public void A_directory_with_only_settings_is_valid_and_keeps_paths_as_written()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("settings.yaml", """
            settings:
              storage:
                connectionString: "Data Source=state/agg.db"
              smtp:
                pickupDirectory: out/mail
            """);

        var config = dir.Load().Config.ShouldNotBeNull();

        config.Settings.Storage.ConnectionString.ShouldBe("Data Source=state/agg.db");
        config.Settings.Smtp.PickupDirectory.ShouldBe("out/mail");
        config.Settings.Polling.ShouldBe(new PollingOptions());
    }

    [Fact]
    public void A_missing_directory_is_an_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), "aggregator-missing-" + Guid.NewGuid().ToString("N"));

        var result = new ConfigLoader(_ => null).Load(missing);

        result.Config.ShouldBeNull();
        ConfigReport.Lines(result.Diagnostics).ShouldBe([$"{missing}: error: config directory not found"]);
    }

    [Fact]
    public void Files_are_merged_and_settings_from_a_later_file_apply_to_feeds_of_an_earlier_one()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("feed.xml", "<rss/>");
        dir.Write("10-feeds.yaml", """
            feeds:
              - id: local
                url: feed.xml
              - id: remote
                url: https://example.org/feed
                cron: "0 0/5 * * * ?"
            """);
        dir.Write("20-rules.yml", """
            rules:
              - id: border
                query: border
                notify: [ops]
            """);
        dir.Write("30-people.yaml", Subscriber);
        dir.Write("40-settings.yaml", "settings:\n  polling:\n    defaultEvery: 20m\n");
        dir.Write(".#30-people.yaml", "not: [valid");
        dir.Write("notes.txt", "not yaml at all: [");

        var result = dir.Load();

        dir.Lines(result).ShouldBeEmpty();
        var config = result.Config.ShouldNotBeNull();
        config.Feeds.Select(f => f.Id).ShouldBe(["local", "remote"]);
        config.Feeds[0].Every.ShouldBe(TimeSpan.FromMinutes(20));
        config.Feeds[0].Location.ShouldBe(new Uri(Path.Combine(dir.Path, "feed.xml")));
        config.Feeds[0].Location.IsFile.ShouldBeTrue();
        config.Feeds[1].Every.ShouldBeNull();
        config.Feeds[1].Cron.ShouldBe("0 0/5 * * * ?");
        config.Rules.ShouldHaveSingleItem().Id.ShouldBe("border");
        config.FeedIdsOf(config.Rules[0]).ShouldBeNull();
        config.Subscribers.ShouldHaveSingleItem().Email.ShouldBe(["ops@example.org"]);
    }

    [Fact]
    public void Feed_paths_are_relative_to_the_config_directory_and_may_be_absolute()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("samples/world.xml", "<rss/>");
        var absolute = Path.Combine(dir.Path, "samples", "world.xml");
        dir.Write("feeds.yaml", $"""
            feeds:
              - id: relative
                url: samples/world.xml
              - id: absolute
                url: {absolute}
            """);

        var config = dir.Load().Config.ShouldNotBeNull();

        config.Feeds.Select(f => f.Location).ShouldBe([new Uri(absolute), new Uri(absolute)]);
        config.Feeds[0].Url.ShouldBe("samples/world.xml");
    }

    [Fact]
    public void Duplicate_ids_across_files_name_the_first_place()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("a.yaml", Subscriber);
        dir.Write("b.yaml", "\n" + Subscriber);

        dir.LoadLines().ShouldBe(["b.yaml:3:9: error: duplicate subscriber id 'ops', first defined at a.yaml:2:9"]);
    }

    [Fact]
    public void Settings_may_be_split_across_files_but_not_set_twice()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("a.yaml", "settings:\n  polling:\n    timeout: 10s\n");
        dir.Write("b.yaml", "settings:\n  polling:\n    maxRedirects: 3\n");
        dir.Write("c.yaml", "settings:\n  polling:\n    timeout: 20s\n");

        dir.LoadLines().ShouldBe(["c.yaml:3:5: error: settings.polling.timeout is already set at a.yaml:3:5"]);

        File.Delete(Path.Combine(dir.Path, "c.yaml"));
        var polling = dir.Load().Config.ShouldNotBeNull().Settings.Polling;
        polling.Timeout.ShouldBe(TimeSpan.FromSeconds(10));
        polling.MaxRedirects.ShouldBe(3);
    }

    [Fact]
    public void Every_problem_in_every_file_is_reported_at_once_in_file_order()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("b.yaml", "settings:\n  polling:\n    timeout: soon\n    maxRedirects: many\n");
        dir.Write("a.yaml", "feeds:\n  - id: Bad\n    url: https://example.org\n");
        dir.Write("c.yaml", "rules: [\n");

        var lines = dir.LoadLines();

        lines.Count.ShouldBe(4);
        lines[0].ShouldStartWith("a.yaml:2:9: error: invalid feed id 'Bad'");
        lines[1].ShouldStartWith("b.yaml:3:14: error: invalid duration 'soon'");
        lines[2].ShouldStartWith("b.yaml:4:19: error: invalid value 'many'");
        lines[3].ShouldStartWith("c.yaml:2:1: error: invalid YAML: ");
    }

    [Fact]
    public void An_interval_below_minEvery_is_a_warning_and_is_raised()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("config.yaml", """
            settings:
              polling:
                minEvery: 2m
                defaultEvery: 30s
            feeds:
              - id: fast
                url: https://example.org/feed
                every: 10s
              - id: default
                url: https://example.org/other
            """);

        var result = dir.Load();

        dir.Lines(result).ShouldBe([
            "config.yaml:4:5: warning: settings.polling.defaultEvery (30s) is below settings.polling.minEvery (2m); feeds without an interval are polled every 2m",
            "config.yaml:8:12: warning: feed 'fast' asks for every 10s, below settings.polling.minEvery (2m); it is polled every 2m",
        ]);
        var config = result.Config.ShouldNotBeNull();
        config.Feeds.Select(f => f.Every).ShouldBe([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(2)]);
        ConfigReport.ExitCode(result).ShouldBe(0);
    }

    [Fact]
    public void Rules_that_can_match_no_feed_or_notify_nobody_are_warnings()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("rules.yaml", "rules:\n  - id: lonely\n    query: border\n");

        var result = dir.Load();

        dir.Lines(result).ShouldBe([
            "rules.yaml:2:5: warning: rule 'lonely' notifies nobody; add subscriber ids under 'notify'",
            "rules.yaml:2:5: warning: rule 'lonely' can match no feed: no feeds are configured",
        ]);
        result.Config.ShouldNotBeNull();
    }

    [Fact]
    public void Webhook_secrets_may_be_a_list_for_rotation_and_networks_are_normalised()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("config.yaml", """
            settings:
              network:
                allowedPrivateNetworks: [127.0.0.1, "10.0.0.0/8", "::1", "fd00::/8"]
            subscribers:
              - id: hook
                webhook:
                  url: http://127.0.0.1:8080/hook
                  secrets: [whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw, whsec_c2Vjb25k]
                digest: weekly mon 08:00
            """);

        var config = dir.Load().Config.ShouldNotBeNull();

        config.Settings.Network.AllowedPrivateNetworks.Select(n => n.ToString()).ShouldBe(["127.0.0.1/32", "10.0.0.0/8", "::1/128", "fd00::/8"]);
        var subscriber = config.Subscribers.ShouldHaveSingleItem();
        subscriber.Webhook.ShouldNotBeNull().Secrets.ShouldBe(["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_c2Vjb25k"]);
        subscriber.Digest.ToString().ShouldBe("weekly mon 08:00");
    }

    [Fact]
    public void Typed_values_may_come_from_the_environment_and_a_clustered_postgres_store_is_valid()
    {
        using var dir = new TempConfigDirectory();
        dir.Environment["PG"] = "Host=db;Database=aggregator";
        dir.Write("settings.yaml", """
            settings:
              storage:
                provider: postgres
                connectionString: ${PG}
              scheduler:
                clustered: ${CLUSTERED:-true}
              smtp:
                port: ${SMTP_PORT:-25}
                security: ${SMTP_SECURITY:-none}
            """);

        var result = dir.Load();

        dir.Lines(result).ShouldBeEmpty();
        var settings = result.Config.ShouldNotBeNull().Settings;
        settings.Storage.ShouldBe(new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = "Host=db;Database=aggregator" });
        settings.Scheduler.Clustered.ShouldBeTrue();
        settings.Smtp.Port.ShouldBe(25);
        settings.Smtp.Security.ShouldBe(SmtpSecurity.None);
    }
}
