using System.Text.Json;
using Aggregator.Commands;
using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.OperatorConsole;
using Aggregator.Status;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;

namespace Aggregator.Tests.Status;

/// <summary><c>status --json</c> and <c>/api/status</c> report subscribers' choices, suppressed messages and per-rule feedback alike.</summary>
public sealed class StatusChoicesTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Status_summarises_choices_suppressed_messages_and_not_relevant_counts_and_the_stream_writes_the_same()
    {
        using var db = new TempDatabase();
        var time = new FakeTimeProvider(TestAlerts.Start);
        using var store = await db.OpenAsync(time);
        var config = new AggregatorConfig
        {
            Directory = Path.GetTempPath(),
            Rules = [new RuleConfig { Id = "troops", Query = "troops", Notify = ["ops"] }, new RuleConfig { Id = "floods", Query = "floods", Notify = ["ops"] }],
            Subscribers = [new SubscriberDefinition { Id = "ops", Email = ["a@example.org", "b@example.org"] }],
        };
        await store.Choices.UnsubscribeAsync("ops", "a@example.org", "troops", Ct);
        await store.Choices.UnsubscribeAsync("ops", null, "floods", Ct);
        await store.Choices.PauseAsync("ops", TestAlerts.Start.AddDays(2), Ct);
        DigestSchedule.TryParse("weekly mon 08:00", out var weekly, out _).ShouldBeTrue();
        await store.Choices.SetDigestAsync("ops", weekly, Ct);
        await store.Choices.RuleOffAsync("ops", "floods", Ct);
        await store.Choices.MuteAsync("ops", null, MuteKind.Word, "drill", Ct);
        await store.Choices.MarkNotRelevantAsync("ops", "alert-1", "troops", Ct);
        await store.Choices.MarkNotRelevantAsync("ops", "alert-2", "troops", Ct);
        await store.CommitPollAsync(TestAlerts.Commit("f", ("k", [TestAlerts.Draft(TestAlerts.Make("ops", "k"))])), Ct);
        var claimed = (await store.ClaimDueAsync(time.GetUtcNow(), 10, TimeSpan.FromMinutes(1), Ct)).ShouldHaveSingleItem();
        await store.SuppressAsync(claimed.Id, time.GetUtcNow(), "paused", Ct);

        var report = await StatusReport.ReadAsync(config, store, time.GetUtcNow(), Ct);

        var choices = report.SubscriberChoices.ShouldHaveSingleItem();
        choices.ShouldBe(choices with { Id = "ops", Unsubscribed = 2, PausedUntil = TestAlerts.Start.AddDays(2), Digest = "weekly mon 08:00", Mutes = 1 });
        choices.RulesOff.ShouldBe(["floods"]);
        report.Rules.Select(r => (r.Id, r.NotRelevant)).ShouldBe([("troops", 2L), ("floods", 0L)]);
        var subscriber = report.Subscribers.ShouldHaveSingleItem();
        subscriber.Suppressed.ShouldBe(1);
        subscriber.LastError.ShouldBeNull("a suppressed message is no delivery failure");

        var cli = JsonSerializer.Serialize(report, CommandJson.Options);
        using (var json = JsonDocument.Parse(cli))
        {
            json.RootElement.GetProperty("subscriberChoices")[0].GetProperty("pausedUntil").GetDateTimeOffset().ShouldBe(TestAlerts.Start.AddDays(2));
            json.RootElement.GetProperty("rules")[0].GetProperty("notRelevant").GetInt64().ShouldBe(2);
        }
        var context = new DefaultHttpContext();
        using var body = new MemoryStream();
        context.Response.Body = body;
        await StatusStream.WriteAsync(context.Response, new ActiveConfig(ConfigSnapshot.Create(config)), store, store.Choices, store, time, Ct);
        await context.Response.BodyWriter.FlushAsync(Ct);
        System.Text.Encoding.UTF8.GetString(body.ToArray()).ShouldBe(cli);
    }

    [Fact]
    public void The_text_report_lists_choices_suppressed_messages_and_feedback_only_when_there_are_some()
    {
        var at = TestAlerts.Start;
        var report = new StatusReport(at, [],
            [new RuleStatus("troops", "troops", 3, at, 2), new RuleStatus("floods", "floods", 1, at)],
            [new SubscriberStatus("ops", 0, 1, 0, 0, at, null, [], [], 2)],
            ConfigChangeCounts.None,
            [new SubscriberChoiceSummary("ops", 1, at.AddDays(1), "daily 08:00", ["floods"], 0)]);
        using var output = new StringWriter();

        StatusText.Write(report, output);

        var lines = output.ToString().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        lines.ShouldContain(l => l.StartsWith("ops ", StringComparison.Ordinal) && l.EndsWith("2 suppressed by their choices", StringComparison.Ordinal));
        lines.ShouldContain("ops         1             2026-11-28 09:15:00Z  daily 08:00  0      floods");
        lines.ShouldContain("troops        2");
        lines.ShouldNotContain(l => l.StartsWith("floods        ", StringComparison.Ordinal));

        using var none = new StringWriter();
        StatusText.Write(report with { SubscriberChoices = [], Rules = [] }, none);
        none.ToString().ShouldNotContain("CHOICES OF");
        none.ToString().ShouldNotContain("NOT RELEVANT");
    }

    [Fact]
    public void The_console_filters_and_names_suppressed_messages()
    {
        DeliveryStatuses.Names.ShouldContain("suppressed");
        DeliveryStatuses.Parse("suppressed").ShouldBe(DeliveryStatus.Suppressed);
        DeliveryStatuses.Name(DeliveryStatus.Suppressed).ShouldBe("suppressed");
    }
}
