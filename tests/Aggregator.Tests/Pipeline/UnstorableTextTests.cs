using Aggregator.Pipeline;
using Aggregator.Storage;
using Aggregator.Tests.Storage;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.Pipeline;

/// <summary>
/// Feed text PostgreSQL cannot keep (NUL; a lone surrogate Npgsql cannot encode) goes through the real
/// poll path on both stores: stored, alerted once, recognised on the next poll, and nothing beside it lost.
/// </summary>
public sealed class UnstorableTextTests(PostgresFixture postgres) : IClassFixture<PostgresFixture>
{
    private const string Config = """
        feeds:
          - id: desk
            url: feed.json
            firstPoll: notify
        rules:
          - id: troops
            query: troops AND border
            notify: [ann]
        subscribers:
          - id: ann
            email: [ann@example.org]
        """;

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task An_item_whose_id_holds_a_NUL_is_alerted_once_and_the_item_beside_it_too(string store)
    {
        var ct = TestContext.Current.CancellationToken;
        using var dir = new TempDirectory();
        WriteFeed(dir, (@"bad\u0000id", @"Troops at the border \ud800"), ("good", "More troops reach the border"));
        var connection = store == "postgres" ? await postgres.CreateDatabaseAsync(ct) : null;
        await using var harness = await PipelineHarness.CreateAsync(dir, Config, ct, postgres: connection);

        var first = await harness.Poller.PollAsync("desk", ct);
        (first.Outcome, first.NewItems, first.Queued).ShouldBe((PollOutcome.Parsed, 2, 2), first.Detail);

        WriteFeed(dir, (@"bad\u0000id", @"Troops at the border \ud800"), ("good", "More troops reach the border"), ("later", "Troops leave the border"));
        var second = await harness.Poller.PollAsync("desk", ct);
        (second.Outcome, second.NewItems, second.Queued).ShouldBe((PollOutcome.Parsed, 1, 1), second.Detail);

        var messages = await harness.DueMessagesAsync(ct);
        messages.Select(m => m.Alert.Item.Id).Order(StringComparer.Ordinal).ShouldBe(["bad\0id", "good", "later"]);
        messages.Single(m => m.Alert.Item.Id == "bad\0id").Alert.Item.Title.ShouldBe("Troops at the border \uFFFD");
        (await harness.Store.GetFeedStateAsync("desk", ct)).ShouldNotBeNull().LastResult.ShouldBe(PollOutcome.Parsed);
    }

    /// <param name="items">Id and title as JSON string contents, escapes included: a serializer would not write a lone surrogate.</param>
    private static void WriteFeed(TempDirectory dir, params (string Id, string Title)[] items) =>
        dir.Write("config/feed.json", $$"""
            {"version": "https://jsonfeed.org/version/1.1", "title": "Desk", "items": [{{string.Join(", ",
                items.Select(i => $$"""{"id": "{{i.Id}}", "title": "{{i.Title}}", "content_text": "Report."}"""))}}]}
            """);
}
