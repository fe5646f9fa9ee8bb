using Aggregator.Configuration;
using Aggregator.Health;
using Aggregator.Hosting;
using Aggregator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aggregator.Tests.EndToEnd;

/// <summary>
/// The whole path with real parts on loopback: a feed server, the real host, an SMTP server and a
/// webhook receiver. The feed gains items between polls; each matching item is alerted exactly once.
/// </summary>
public sealed class FeedToAlertTests
{
    [Fact]
    public async Task An_item_that_appears_between_polls_is_alerted_once_by_email_and_by_signed_webhook()
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        await using var feed = new FeedServer();
        feed.AddItem("calm-1", "Harbour festival draws crowds", "Music and boats all weekend.");
        await using var smtp = new SmtpTestServer();
        await using var hook = new WebhookReceiver();
        var config = WriteConfig(dir, feed, smtp, hook);

        using (var host = WorkerHost.Build(config, [], s => s.AddSingleton(new HeartbeatFile(dir.Combine("heartbeat.json")))))
        {
            await host.StartAsync(ct);
            // A second request means the first poll (the silent baseline) has committed.
            (await Eventually.TrueAsync(() => feed.Requests >= 2, TimeSpan.FromSeconds(15), ct)).ShouldBeTrue("the feed is polled");

            feed.AddItem("news-2", "Troops mass at the border", "Armoured units were seen near the border crossing.");
            feed.AddItem("calm-3", "Troopship opens as a museum", "A restored troopship welcomes visitors.");
            (await Eventually.TrueAsync(() => !smtp.Messages.IsEmpty && !hook.Requests.IsEmpty, TimeSpan.FromSeconds(20), ct))
                .ShouldBeTrue("the matching item is delivered by both channels");

            // Several more polls: unchanged feed, answered 304, nothing sent again.
            var requestsSoFar = feed.Requests;
            (await Eventually.TrueAsync(() => feed.NotModifiedAnswers >= 2 && feed.Requests >= requestsSoFar + 2, TimeSpan.FromSeconds(15), ct))
                .ShouldBeTrue("later polls are conditional and answered 304");
            await host.StopAsync(ct);
        }

        smtp.Messages.Count.ShouldBe(1);
        var mail = smtp.Messages.Single().Message;
        mail.Subject.ShouldBe("[troops-at-border] Troops mass at the border");
        mail.Headers["X-Aggregator-Rule"].ShouldBe("troops-at-border");
        mail.To.ToString().ShouldContain("desk@example.org");

        hook.Requests.Count.ShouldBe(1);
        var request = hook.Requests.Single();
        request.SignatureValid.ShouldBeTrue("the webhook signature verifies with the subscriber's secret");
        request.Body.ShouldContain("\"alert.matched\"");
        request.Body.ShouldContain("Troops mass at the border");
        request.Body.ShouldNotContain("Troopship");

        // A restart with the same store sends nothing again.
        var pollsBefore = feed.Requests;
        using (var host = WorkerHost.Build(config, [], s => s.AddSingleton(new HeartbeatFile(dir.Combine("heartbeat.json")))))
        {
            await host.StartAsync(ct);
            (await Eventually.TrueAsync(() => feed.Requests >= pollsBefore + 2, TimeSpan.FromSeconds(15), ct)).ShouldBeTrue();
            await Task.Delay(1000, ct);
            await host.StopAsync(ct);
        }
        smtp.Messages.Count.ShouldBe(1);
        hook.Requests.Count.ShouldBe(1);
    }

    private static AggregatorConfig WriteConfig(TempDirectory dir, FeedServer feed, SmtpTestServer smtp, WebhookReceiver hook)
    {
        var db = dir.Combine("state.db");
        dir.Write("config/aggregator.yaml", $"""
            settings:
              storage:
                connectionString: "Data Source={db}"
              polling:
                minEvery: 1s
                timeout: 5s
              network:
                allowedPrivateNetworks: ["127.0.0.0/8"]
              delivery:
                retryInitial: 1s
              smtp:
                host: 127.0.0.1
                port: {smtp.Port}
                security: none
                from: "Aggregator <alerts@example.org>"
            feeds:
              - id: world
                url: {feed.FeedUrl}
                every: 1s
            rules:
              - id: troops-at-border
                query: troops AND border
                notify: [desk, newsroom]
            subscribers:
              - id: desk
                email: [desk@example.org]
              - id: newsroom
                webhook:
                  url: {hook.Url}
                  secret: {WebhookReceiver.Secret}
            """);
        var loaded = new ConfigLoader().Load(dir.Combine("config"));
        loaded.Config.ShouldNotBeNull(string.Join('\n', loaded.Diagnostics));
        return loaded.Config;
    }
}
