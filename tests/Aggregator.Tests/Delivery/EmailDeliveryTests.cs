using Aggregator.Tests.Support;
using Aggregator.Configuration;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using MimeKit;
using SmtpServer.Protocol;

namespace Aggregator.Tests.Delivery;

public sealed class EmailDeliveryTests
{
    private static SubscriberDefinition Subscriber(string id, params string[] email) => new() { Id = id, Email = email };

    [Fact]
    public async Task Each_alert_is_mailed_once_over_one_connection_with_stable_ids_and_rule_headers()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(
            DeliveryHarness.Smtp(smtp.Port), null, Subscriber("ops", "ops@example.org", "desk@example.org")));
        var one = TestAlerts.Make("ops", "k1");
        var two = TestAlerts.Make("ops", "k2", title: "Second <b>item</b>", ruleIds: ["rule-a", "rule-b"]);
        await h.QueueAsync(TestAlerts.Draft(one), TestAlerts.Draft(two));

        (await h.RunAsync()).ShouldBe(2);
        (await h.RunAsync()).ShouldBe(0);

        smtp.Sessions.ShouldBe(1);
        var received = smtp.Messages.ToArray();
        received.Length.ShouldBe(2);
        var first = received.Single(r => r.Message.MessageId == $"{one.AlertId}@aggregator").Message;
        var second = received.Single(r => r.Message.MessageId == $"{two.AlertId}@aggregator").Message;
        first.Subject.ShouldBe("[troops-at-border] Troops gather at the border");
        first.From.Mailboxes.Single().Address.ShouldBe("alerts@example.org");
        first.To.Mailboxes.Select(m => m.Address).ShouldBe(["ops@example.org", "desk@example.org"]);
        first.Body.ShouldBeOfType<MultipartAlternative>();
        first.TextBody!.ShouldContain("https://news.example.org/a");
        first.HtmlBody!.ShouldMatch("<mark[^>]*>troops</mark>");
        first.Headers.Where(x => x.Field == "X-Aggregator-Rule").Select(x => x.Value).ShouldBe(["troops-at-border"]);
        second.Subject.ShouldBe("[rule-a, rule-b] Second <b>item</b>");
        second.Headers.Where(x => x.Field == "X-Aggregator-Rule").Select(x => x.Value).ShouldBe(["rule-a", "rule-b"]);
        second.HtmlBody!.ShouldContain("Second &lt;b&gt;item&lt;/b&gt;");
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(2);
    }

    [Fact]
    public async Task A_real_news_alert_arrives_with_both_parts_and_one_line_per_matched_field()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null, Subscriber("desk", "desk@example.org")));
        var alert = NewsAlerts.For("gdn5", ("children-europe", "child AND europe"), ("migrants", "refugee OR migrant"));
        await h.QueueAsync(TestAlerts.Draft(alert));

        (await h.RunAsync()).ShouldBe(1);

        var message = smtp.Messages.ShouldHaveSingleItem().Message;
        message.Subject.ShouldBe("[children-europe, migrants] Thousands of children travelling alone from Africa to Europe, says Unicef");
        var parts = message.Body.ShouldBeOfType<MultipartAlternative>();
        parts.Select(p => p.ContentType.MimeType).ShouldBe(["text/plain", "text/html"]);
        var lines = message.TextBody!.ReplaceLineEndings("\n").Split('\n');
        lines.Count(l => l.StartsWith("title:", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.StartsWith("summary:", StringComparison.Ordinal)).ShouldBe(1);
        lines.Count(l => l.StartsWith("category:", StringComparison.Ordinal)).ShouldBe(1);
        lines.ShouldContain("title:    Thousands of [children] travelling alone from Africa to [Europe],");
        lines.ShouldContain("Matched: child (title, summary, category), europe (title, summary, category)");
        lines.ShouldAllBe(l => l.Length <= 78 || l.TrimStart().StartsWith("http", StringComparison.Ordinal));
        message.TextBody!.ShouldNotContain("Unsubscribe", Case.Sensitive, "no public base URL: no links line");
        message.HtmlBody!.ShouldMatch("<mark[^>]*>children</mark> travelling alone from Africa to <mark[^>]*>Europe</mark>");
        message.HtmlBody!.ShouldContain("<meta name=\"color-scheme\" content=\"light dark\">");
    }

    [Fact]
    public async Task A_451_is_retried_later_and_a_550_is_dead_lettered_at_once()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            Subscriber("busy", "temp@example.org"), Subscriber("gone", "perm@example.org")));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("busy", "k1")), TestAlerts.Draft(TestAlerts.Make("gone", "k1")));

        (await h.RunAsync()).ShouldBe(2);

        smtp.Messages.ShouldBeEmpty();
        var busy = await h.CountsAsync("busy", DeliveryChannel.Email);
        (busy.Queued, busy.Failed, busy.Dead).ShouldBe((1, 1, 0));
        busy.LastError!.ShouldContain("451");
        var gone = await h.CountsAsync("gone", DeliveryChannel.Email);
        (gone.Queued, gone.Dead).ShouldBe((0, 1));
        gone.LastError!.ShouldContain("550");
        (await h.RunAsync()).ShouldBe(0);
        h.Time.Advance(TimeSpan.FromMinutes(1));
        (await h.RunAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_refused_recipient_among_several_does_not_stop_the_others()
    {
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            Subscriber("ops", "ops@example.org", "perm@example.org")));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Recipients.ShouldBe(["ops@example.org"]);
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Sent, counts.Queued, counts.Dead).ShouldBe((1, 0, 0));
    }

    [Fact]
    public async Task A_message_refused_after_data_with_5xx_is_dead_lettered()
    {
        await using var smtp = new SmtpTestServer { DataReply = SmtpReplyCode.TransactionFailed };
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(smtp.Port), null,
            Subscriber("ops", "ops@example.org")));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();

        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Sent, counts.Dead).ShouldBe((0, 1));
        counts.LastError!.ShouldContain("554");
    }

    [Fact]
    public async Task A_connection_dropped_after_data_is_retried_with_the_same_message_id()
    {
        await using var dropping = new DroppingSmtpServer();
        await using var smtp = new SmtpTestServer();
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(dropping.Port), null,
            Subscriber("ops", "ops@example.org")));
        var alert = TestAlerts.Make("ops", "k1");
        await h.QueueAsync(TestAlerts.Draft(alert));

        await h.RunAsync();

        dropping.MessagesDropped.ShouldBe(1);
        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Queued, counts.Failed).ShouldBe((1, 1));
        counts.LastError!.ShouldContain("outcome unknown");

        h.Config = h.Config with { Settings = h.Config.Settings with { Smtp = DeliveryHarness.Smtp(smtp.Port) } };
        h.Time.Advance(TimeSpan.FromMinutes(1));
        await h.RunAsync();
        await h.RunAsync();

        smtp.Messages.ShouldHaveSingleItem().Message.MessageId.ShouldBe($"{alert.AlertId}@aggregator");
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task Without_a_host_mail_is_written_whole_to_the_pickup_directory()
    {
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup(), null, Subscriber("ops", "ops@example.org")));
        var alert = TestAlerts.Make("ops", "k1", title: "title\r\nBcc: victim@example.org", link: "javascript:alert(1)");
        await h.QueueAsync(TestAlerts.Draft(alert));

        await h.RunAsync();

        var file = Directory.GetFiles(h.MailDirectory).ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldBe($"{alert.AlertId}.eml");
        var raw = await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken);
        raw.ShouldContain($"Message-Id: <{alert.AlertId}@aggregator>", Case.Insensitive);
        raw.ShouldContain("X-Aggregator-Rule: troops-at-border");
        raw.Split("\r\n").ShouldNotContain(line => line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        raw.ShouldNotContain("javascript:", Case.Insensitive);
        var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        message.Subject.ShouldBe("[troops-at-border] title Bcc: victim@example.org");
        message.Bcc.ShouldBeEmpty();
        message.HtmlBody!.ShouldNotContain("javascript:", Case.Insensitive);
        (await h.CountsAsync("ops", DeliveryChannel.Email)).Sent.ShouldBe(1);
    }

    [Fact]
    public async Task An_invalid_from_address_keeps_the_mail_queued_instead_of_dead_lettering_it()
    {
        await using var h = await DeliveryHarness.CreateAsync(x => DeliveryHarness.MakeConfig(x.Pickup() with { From = "not an address <" }, null,
            new SubscriberDefinition { Id = "ops", Email = ["ops@example.org"] }));
        await h.QueueAsync(TestAlerts.Draft(TestAlerts.Make("ops", "k1")));

        await h.RunAsync();

        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Queued, counts.Dead).ShouldBe((1, 0));
        counts.LastError!.ShouldContain("settings.smtp.from");
    }

    [Fact]
    public async Task An_unreachable_server_keeps_the_whole_batch_queued()
    {
        await using var h = await DeliveryHarness.CreateAsync(_ => DeliveryHarness.MakeConfig(DeliveryHarness.Smtp(FreePort.Next()), null,
            Subscriber("ops", "ops@example.org")));
        await h.QueueAsync(
            TestAlerts.Draft(TestAlerts.Make("ops", "k1")), TestAlerts.Draft(TestAlerts.Make("ops", "k2")), TestAlerts.Draft(TestAlerts.Make("ops", "k3")));

        (await h.RunAsync()).ShouldBe(3);

        var counts = await h.CountsAsync("ops", DeliveryChannel.Email);
        (counts.Queued, counts.Failed, counts.Dead).ShouldBe((3, 3, 0));
        counts.LastError!.ShouldStartWith("cannot connect to SMTP server 127.0.0.1:");
    }
}
