using Aggregator.Configuration;
using Aggregator.Core.Alerts;

namespace Aggregator.Tests.Configuration;

public sealed class ContractSampleTests
{
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    [Fact]
    public void The_contract_sample_loads_without_diagnostics_and_maps_every_value()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("aggregator.yaml", ContractSample.Yaml);
        dir.Environment["SMTP_USER"] = "mailer";
        dir.Environment["SMTP_PASSWORD"] = "hunter2";
        dir.Environment["NEWSROOM_WEBHOOK_SECRET"] = Secret;

        var result = dir.Load();

        // The sample's mail server has no public pages beside it: the one thing check-config warns about.
        dir.Lines(result).ShouldBe([NoUnsubscribe]);
        var config = result.Config.ShouldNotBeNull();
        config.Directory.ShouldBe(dir.Path);
        var s = config.Settings;
        s.Storage.ShouldBe(new StorageOptions { Provider = StorageProvider.Sqlite, ConnectionString = "Data Source=data/aggregator.db" });
        s.Scheduler.Clustered.ShouldBeFalse();
        s.Polling.DefaultEvery.ShouldBe(TimeSpan.FromMinutes(15));
        s.Polling.MinEvery.ShouldBe(TimeSpan.FromMinutes(1));
        s.Polling.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        s.Polling.MaxBodySize.ShouldBe(15L * 1024 * 1024);
        s.Polling.MaxRedirects.ShouldBe(5);
        s.Polling.PerHostConcurrency.ShouldBe(2);
        s.Network.AllowPrivateNetworks.ShouldBeFalse();
        s.Network.AllowedPrivateNetworks.ShouldBeEmpty();
        s.Alerts.MaxItemAge.ShouldBe(TimeSpan.FromDays(7));
        s.Alerts.Operators.ShouldBe(["ops-team"]);
        s.Telemetry.OtlpEndpoint.ShouldBe(string.Empty);
        s.Telemetry.LogFormat.ShouldBe(LogFormat.Text);
        s.Delivery.ShouldBe(new DeliveryOptions { RetryInitial = TimeSpan.FromSeconds(30), RetryMax = TimeSpan.FromHours(1), MaxAge = TimeSpan.FromHours(72) });
        s.Smtp.ShouldBe(new SmtpOptions
        {
            Host = "smtp.example.org",
            Port = 587,
            Security = SmtpSecurity.Auto,
            Username = "mailer",
            Password = "hunter2",
            From = "Aggregator <alerts@example.org>",
            PickupDirectory = "data/mail",
        });

        var feed = config.Feeds.ShouldHaveSingleItem();
        feed.Id.ShouldBe("world-news");
        feed.Url.ShouldBe("https://feeds.example.org/world.xml");
        feed.Location.ShouldBe(new Uri("https://feeds.example.org/world.xml"));
        feed.Every.ShouldBe(TimeSpan.FromMinutes(5));
        feed.Cron.ShouldBeNull();
        feed.Tags.ShouldBe(["news", "europe"]);
        feed.FirstPoll.ShouldBe(FirstPoll.Baseline);

        var rule = config.Rules.ShouldHaveSingleItem();
        rule.Id.ShouldBe("troops-at-border");
        rule.Query.ShouldBe("troops AND border");
        rule.Feeds.ShouldBe(["world-news", "tag:europe"]);
        rule.Notify.ShouldBe(["ops-team", "newsroom-hook"]);
        config.FeedIdsOf(rule).ShouldNotBeNull().ShouldBe(["world-news"], ignoreOrder: true);

        config.Subscribers.Count.ShouldBe(2);
        var ops = config.Subscribers[0];
        ops.Id.ShouldBe("ops-team");
        ops.Email.ShouldBe(["ops@example.org"]);
        ops.Webhook.ShouldBeNull();
        ops.Digest.ShouldBe(DigestSchedule.Immediate);
        ops.TimeZone.Id.ShouldBe("Europe/London");
        var hook = config.Subscribers[1];
        hook.Id.ShouldBe("newsroom-hook");
        hook.Email.ShouldBeEmpty();
        hook.Webhook.ShouldNotBeNull().Url.ShouldBe(new Uri("https://hooks.example.org/aggregator"));
        hook.Webhook.Secrets.ShouldBe([Secret]);
        hook.Digest.ShouldBe(DigestSchedule.Immediate);
        hook.TimeZone.ShouldBe(TimeZoneInfo.Utc);
        ConfigReport.ExitCode(result).ShouldBe(0);
    }

    private const string NoUnsubscribe =
        "aggregator.yaml:28:5: warning: settings.smtp.host is set without settings.public.baseUrl: mail goes out with no one-click unsubscribe (Gmail and Yahoo require it of bulk senders)";

    [Fact]
    public void The_contract_sample_without_the_webhook_secret_names_the_variable()
    {
        using var dir = new TempConfigDirectory();
        dir.Write("aggregator.yaml", ContractSample.Yaml);

        var result = dir.Load();

        dir.Lines(result).ShouldBe([NoUnsubscribe, "aggregator.yaml:57:15: error: environment variable NEWSROOM_WEBHOOK_SECRET is not set"]);
        result.Config.ShouldBeNull();
        ConfigReport.ExitCode(result).ShouldBe(2);
    }
}
