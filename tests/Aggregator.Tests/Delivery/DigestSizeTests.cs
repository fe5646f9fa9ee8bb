using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Delivery;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Delivery;

/// <summary>
/// A digest larger than the mail server takes, against a real SMTP server with a size limit: it arrives in
/// parts that hold every alert, and a refusal dead-letters only the alerts of the message refused.
/// </summary>
public sealed class DigestSizeTests
{
    private const int Limit = 24 * 1024;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DigestSchedule Hourly = DigestSchedule.TryParse("every 1h", out var hourly, out _) ? hourly : throw new InvalidOperationException();

    private static readonly SubscriberDefinition Desk = new() { Id = "desk", Email = ["desk@example.org"], Digest = Hourly };

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_flooded_digest_arrives_in_parts_holding_every_alert_and_the_other_feeds_one(bool sizeAnnounced)
    {
        await using var smtp = new SmtpTestServer(maxMessageSize: sizeAnnounced ? Limit : null);
        smtp.SizeLimit = Limit;
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, Desk));
        var flood = Enumerable.Range(1, 40).Select(i => Long(TestAlerts.Make("desk", $"flood-{i}", title: $"Flood item {i}", feedId: "flood"))).ToList();
        var other = TestAlerts.Make("desk", "quiet-1", title: "The other feed's item", feedId: "quiet");
        var due = await QueueDigestAsync(h, [.. flood, other]);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(41);

        var parts = smtp.Messages.ToList();
        parts.Count.ShouldBeGreaterThan(1);
        parts.ShouldAllBe(p => p.Size <= Limit);
        parts.Select(p => p.Message.Subject).ShouldBe(parts.Select((p, i) =>
            $"[digest] {Count(p)} alerts (part {i + 1} of {parts.Count})"));
        var titles = parts.SelectMany(p => Titles(p)).ToList();
        titles.ShouldBe([.. flood.Select(a => a.Item.Title), other.Item.Title], ignoreOrder: true);
        var counts = await h.CountsAsync("desk", DeliveryChannel.Email);
        (counts.Sent, counts.Dead, counts.Queued).ShouldBe((41, 0, 0));
        if (sizeAnnounced) smtp.SizeRefusals.ShouldBe(0, "the parts were cut to the announced SIZE before sending");
        else smtp.SizeRefusals.ShouldBeGreaterThan(0);

        // Each part is identified by its own alerts, as a resend of it would be.
        foreach (var part in parts)
        {
            var ids = flood.Append(other).Where(a => Titles(part).Contains(a.Item.Title)).Select(a => a.AlertId);
            part.Message.MessageId.ShouldBe($"{DigestIds.For(ids)}@aggregator");
        }
    }

    [Fact]
    public async Task With_links_each_address_gets_the_whole_digest_in_parts_of_its_own()
    {
        await using var smtp = new SmtpTestServer(maxMessageSize: Limit);
        smtp.SizeLimit = Limit;
        var desk = Desk with { Email = ["desk@example.org", "night@example.org"] };
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.WithLinks(DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, desk)));
        var flood = Enumerable.Range(1, 30).Select(i => Long(TestAlerts.Make("desk", $"flood-{i}", title: $"Flood item {i}", feedId: "flood"))).ToList();
        var due = await QueueDigestAsync(h, flood);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(30);

        foreach (var address in desk.Email)
        {
            var parts = smtp.Messages.Where(m => m.Recipients.SequenceEqual([address])).ToList();
            parts.Count.ShouldBeGreaterThan(1, address);
            parts.ShouldAllBe(p => p.Size <= Limit && p.Message.To.Mailboxes.Single().Address == address);
            // The footer's links follow the last separator, so only the items' title lines are compared.
            parts.SelectMany(Titles).Where(t => t.StartsWith("Flood item", StringComparison.Ordinal))
                .ShouldBe(flood.Select(a => a.Item.Title), ignoreOrder: true, address);
        }
        smtp.Messages.Count.ShouldBe(smtp.Messages.Select(m => m.Message.MessageId).Distinct().Count(), "every copy of every part has its own id");
        var counts = await h.CountsAsync("desk", DeliveryChannel.Email);
        (counts.Sent, counts.Dead, counts.Queued).ShouldBe((30, 0, 0));
    }

    [Fact]
    public async Task An_alert_too_large_alone_is_the_only_one_dead_lettered()
    {
        await using var smtp = new SmtpTestServer();
        smtp.SizeLimit = Limit;
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, Desk));
        var huge = Huge(TestAlerts.Make("desk", "huge", title: "Huge item", feedId: "flood"));
        var small = Enumerable.Range(1, 5).Select(i => TestAlerts.Make("desk", $"small-{i}", title: $"Small item {i}", feedId: "quiet")).ToList();
        var due = await QueueDigestAsync(h, [huge, .. small]);

        h.Time.Advance(due - h.Time.GetUtcNow());
        (await h.RunAsync()).ShouldBe(6);

        smtp.Messages.SelectMany(Titles).ShouldBe(small.Select(a => a.Item.Title), ignoreOrder: true);
        var counts = await h.CountsAsync("desk", DeliveryChannel.Email);
        (counts.Sent, counts.Dead, counts.Queued).ShouldBe((5, 1, 0));
        counts.LastError.ShouldNotBeNull().ShouldContain("552");
    }

    [Fact]
    public async Task A_552_for_one_alert_leaves_the_subscribers_other_alerts_sent()
    {
        await using var smtp = new SmtpTestServer();
        smtp.SizeLimit = Limit;
        var ops = new SubscriberDefinition { Id = "ops", Email = ["ops@example.org"] };
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, ops));
        var huge = Huge(TestAlerts.Make("ops", "huge", title: "Huge item"));
        var first = TestAlerts.Make("ops", "k1", title: "First item");
        var second = TestAlerts.Make("ops", "k2", title: "Second item");
        await h.QueueAsync(TestAlerts.Draft(first));
        await h.QueueAsync(TestAlerts.Draft(huge));
        await h.QueueAsync(TestAlerts.Draft(second));

        (await h.RunAsync()).ShouldBe(3);

        smtp.Messages.Select(m => m.Message.Subject).ShouldBe(["[troops-at-border] First item", "[troops-at-border] Second item"]);
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Sent, counts.Dead, counts.Queued).ShouldBe((2, 1, 0));
    }

    private static async Task<DateTimeOffset> QueueDigestAsync(DeliveryHarness h, IReadOnlyList<Alert> alerts)
    {
        var due = Hourly.NextDue(h.Time.GetUtcNow(), TimeZoneInfo.Utc);
        foreach (var alert in alerts) await h.QueueAsync(TestAlerts.Draft(alert, DeliveryChannel.Email, due));
        return due;
    }

    /// <summary>An alert of a few KiB: a long summary, which a digest shows cut to its window.</summary>
    private static Alert Long(Alert alert) => alert with
    {
        Item = alert.Item with { Summary = string.Concat(Enumerable.Repeat("Troops massed at the border overnight, reports say. ", 40)) },
    };

    /// <summary>
    /// An alert larger than <see cref="Limit"/> alone: a mail shows each field once, cut to a window, but every
    /// rule with its query; non-ASCII text quoted-printable triples, in both parts.
    /// </summary>
    private static Alert Huge(Alert alert)
    {
        var text = new string('é', 1000);
        var match = new Aggregator.Core.Query.TermMatch("summary", "troops", 0, 6, text);
        return alert with
        {
            Item = alert.Item with { Summary = text },
            Rules = [.. Enumerable.Range(1, 8).Select(i => new Aggregator.Core.Query.RuleMatch($"rule-{i}", $"troops AND {text}{i}", [match]))],
        };
    }

    private static int Count(SmtpTestServer.Received part) => Titles(part).Count;

    /// <summary>The alerts a digest lists, by the title line that starts each one in the text part.</summary>
    private static List<string> Titles(SmtpTestServer.Received part) =>
        [.. part.Message.TextBody!.ReplaceLineEndings("\n").Split("----------------------------------------\n").Skip(1).Select(block => block.TrimStart('\n').Split('\n')[0])];
}
