using System.Text.Json;
using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Core.Stories;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;
using MimeKit;

namespace Aggregator.Tests.Delivery;

/// <summary>A digest subscriber whose window holds a story that several feeds carried: the story is listed once, with its other sources.</summary>
public sealed class StoryDigestTests
{
    private const string Title = "Troops gather near the northern border as talks stall";

    [Fact]
    public async Task A_digest_lists_a_story_once_with_its_other_sources_by_mail_and_webhook()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var receiver = new WebhookReceiver();
        DigestSchedule.TryParse("every 1h", out var hourly, out _).ShouldBeTrue();
        var subscriber = new SubscriberDefinition
        {
            Id = "desk",
            Email = ["desk@example.org"],
            Webhook = new WebhookTarget { Url = receiver.Url, Secrets = [WebhookReceiver.Secret] },
            Digest = hourly,
        };
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, subscriber));
        var due = hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);

        var wire = Copy("wire", "Wire Service", "https://wire.example.org/a");
        var paper = Copy("paper", "The Paper", "https://paper.example.com/troops?utm_source=rss");
        var other = TestAlerts.Make("desk", "other", title: "Harbour reopens after the storm", feedId: "wire", link: "https://wire.example.org/b");
        (await CommitAsync(h, wire, due)).ShouldBe(2);
        (await CommitAsync(h, other, due)).ShouldBe(2);
        (await CommitAsync(h, paper, due)).ShouldBe(0, "the paper's copy is recorded with the wire's alert");

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(4);

        var mail = await MimeMessage.LoadAsync(Directory.GetFiles(h.MailDirectory).ShouldHaveSingleItem(), ct);
        mail.Subject.ShouldBe("[digest] 2 alerts");
        mail.TextBody!.ShouldContain("Also: The Paper", Case.Sensitive);
        mail.HtmlBody!.ShouldMatch("Also: <a href=\"https://paper\\.example\\.com/troops\\?utm_source=rss\"[^>]*>The Paper</a>");
        mail.TextBody!.Split(Title).Length.ShouldBe(2, "the story is listed once");

        using var json = JsonDocument.Parse(receiver.Requests.ShouldHaveSingleItem().Body);
        var alerts = json.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray().ToList();
        alerts.Count.ShouldBe(2);
        var story = alerts.Single(a => a.GetProperty("alertId").GetString() == wire.AlertId);
        var also = story.GetProperty("also").EnumerateArray().ShouldHaveSingleItem();
        also.GetProperty("feed").GetProperty("id").GetString().ShouldBe("paper");
        also.GetProperty("link").GetString().ShouldBe("https://paper.example.com/troops?utm_source=rss");
        alerts.Single(a => a.GetProperty("alertId").GetString() == other.AlertId).GetProperty("also").GetArrayLength().ShouldBe(0);
    }

    private static Alert Copy(string feedId, string feedTitle, string link)
    {
        var alert = TestAlerts.Make("desk", $"{feedId}-1", title: Title, feedId: feedId, link: link);
        return alert with { Feed = alert.Feed with { Title = feedTitle } };
    }

    private static Task<int> CommitAsync(DeliveryHarness h, Alert alert, DateTimeOffset due)
    {
        var drafts = new[] { DeliveryChannel.Email, DeliveryChannel.Webhook }.Select(c => TestAlerts.Draft(alert, c, due) with { StoryWindow = TimeSpan.FromHours(48) }).ToList();
        var print = StoryPrint.Of(alert.Item);
        var commit = TestAlerts.Commit(alert.Feed.Id) with { Items = [new SeenItem(alert.Item.Key, drafts, null, print)] };
        return h.Store.CommitPollAsync(commit, TestContext.Current.CancellationToken);
    }
}
