using Aggregator.Tests.Support;
using Microsoft.Playwright;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// The console as an operator uses it, in headless Chromium against the real executable: sign in with the
/// logged link, see the failing feed on the dashboard and the feeds page, poll it now. Each page is
/// screenshotted (see <see cref="Browser.ScreenshotDirectory"/>) and checked with axe.
/// </summary>
public sealed class ConsoleBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task An_operator_signs_in_sees_the_failing_feed_and_polls_it_now()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        await using var feed = new FeedServer();
        feed.AddItem("w-1", "Troops gather near the border", "Columns were seen at dawn.");
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", """
            settings:
              polling: { minEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              alerts: { feedFailingAfter: 1 }
              console:
                listen: "127.0.0.1:0"
            feeds:
              - id: broken-desk
                url: "http://127.0.0.1:9/gone.xml"
                every: 2s
            """);
        work.Write("config/more.yaml", $"""
            feeds:
              - id: world-desk
                url: "{feed.FeedUrl}"
                cron: "0 0 0 1 1 ?"
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;

        await page.GotoAsync(new Uri(console.Address, "/").AbsoluteUri).WaitAsync(ct);
        (await page.TitleAsync().WaitAsync(ct)).ShouldBe("Sign in · Aggregator");
        await Browser.CheckAndKeepAsync(page, "console-signin", ct);
        await page.GotoAsync(new Uri(console.Address, $"/signin?token={console.SignInLinkToken()}").AbsoluteUri).WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync().WaitAsync(ct);
        // Asserted rather than awaited as an event: WaitForURLAsync can miss the load event it waits for (playwright-dotnet#3364).
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(console.Address, "/").AbsoluteUri).WaitAsync(ct);

        (await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync().WaitAsync(ct);
            return await page.Locator("#incidents ~ table").GetByRole(AriaRole.Link, new() { Name = "broken-desk" }).CountAsync().WaitAsync(ct) == 1;
        }, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue("the dashboard lists the failing feed under incidents");
        (await page.Locator("dt:text-is('Failing') + dd").TextContentAsync().WaitAsync(ct)).ShouldBe("1");
        await Browser.CheckAndKeepAsync(page, "console-dashboard", ct);

        await page.GetByRole(AriaRole.Link, new() { Name = "Feeds", Exact = true }).ClickAsync().WaitAsync(ct);
        var broken = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "broken-desk" });
        (await broken.Locator(".badge").TextContentAsync().WaitAsync(ct)).ShouldBe("failing");
        (await broken.TextContentAsync().WaitAsync(ct))!.ShouldContain("127.0.0.1:9");
        var waiting = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "world-desk" });
        (await waiting.Locator(".badge").TextContentAsync().WaitAsync(ct)).ShouldBe("waiting", "its cron fires on 1 January only");
        await Browser.CheckAndKeepAsync(page, "console-feeds", ct);

        feed.Requests.ShouldBe(0);
        await page.GetByRole(AriaRole.Link, new() { Name = "world-desk" }).ClickAsync().WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Poll now" }).ClickAsync().WaitAsync(ct);
        (await page.GetByRole(AriaRole.Status).TextContentAsync().WaitAsync(ct))!.ShouldContain("A poll was started");
        (await Eventually.TrueAsync(() => feed.Requests == 1, TimeSpan.FromSeconds(10), ct)).ShouldBeTrue("poll now fetches the feed at once");
        (await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync().WaitAsync(ct);
            return await page.Locator("dt:text-is('Status') + dd .badge").TextContentAsync().WaitAsync(ct) == "ok";
        }, TimeSpan.FromSeconds(10), ct)).ShouldBeTrue("and its page shows the poll's result");
        await Browser.CheckAndKeepAsync(page, "console-feed", ct);
    }

    [Fact]
    public async Task An_operator_replays_a_dead_letter_and_the_receiver_gets_it_under_the_same_id()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        await using var feed = new FeedServer();
        feed.AddItem("w-1", "Troops gather near the border", "Columns were seen at dawn.");
        await using var hook = new WebhookReceiver();
        hook.Script.Enqueue(new WebhookReceiver.Reply(413));
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              polling: { minEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              console:
                listen: "127.0.0.1:0"
                auth: { mode: none }
            feeds:
              - id: world-desk
                url: "{{feed.FeedUrl}}"
                every: 2s
                firstPoll: notify
            rules:
              - id: border
                query: troops AND border
                notify: [desk-hook]
            subscribers:
              - id: desk-hook
                webhook: { url: "{{hook.Url}}", secret: {{WebhookReceiver.Secret}} }
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        (await Eventually.TrueAsync(() => hook.Requests.Count == 1, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
        var refused = hook.Requests.Single();
        refused.AnsweredWith.ShouldBe(413, "a refusal for good: the message is dead-lettered at once");

        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;
        await page.GotoAsync(new Uri(console.Address, "/deliveries").AbsoluteUri).WaitAsync(ct);
        await page.Locator("a[href='/deliveries?subscriber=desk-hook&status=dead']").ClickAsync().WaitAsync(ct);
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Troops gather near the border" });
        (await row.Locator(".badge").TextContentAsync().WaitAsync(ct)).ShouldBe("dead");
        await Browser.CheckAndKeepAsync(page, "console-dead-letters", ct);

        await row.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Replay message") }).ClickAsync().WaitAsync(ct);
        (await page.GetByRole(AriaRole.Status).TextContentAsync().WaitAsync(ct))!.ShouldContain("1 replayed");
        (await Eventually.TrueAsync(() => hook.Requests.Count == 2, TimeSpan.FromSeconds(15), ct)).ShouldBeTrue(console.Output);
        var replayed = hook.Requests.Last();
        replayed.AnsweredWith.ShouldBe(200);
        replayed.SignatureValid.ShouldBeTrue();
        replayed.Id.ShouldBe(refused.Id, "a replay carries the same webhook-id, so a receiver that got it after all can tell");

        await page.GotoAsync(new Uri(console.Address, "/deliveries?status=sent").AbsoluteUri).WaitAsync(ct);
        (await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Troops gather near the border" }).Locator(".badge").TextContentAsync().WaitAsync(ct))
            .ShouldBe("sent");
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Troops gather near the border" }).GetByRole(AriaRole.Link).First.ClickAsync().WaitAsync(ct);
        (await page.Locator("pre").TextContentAsync().WaitAsync(ct))!.ShouldContain("\"alert.matched\"");
        await Browser.CheckAndKeepAsync(page, "console-message", ct);
    }

    [Fact]
    public async Task An_operator_types_a_query_and_sees_archived_matches_appear_with_the_difference_from_the_rule()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        await using var feed = new FeedServer();
        feed.SetItems(
            ("w-1", "Troops gather near the northern border", "Columns were seen at dawn."),
            ("w-2", "Refugees cross the border at night", "Aid groups counted hundreds."),
            ("w-3", "Harvest festival opens downtown", "Stalls and music all weekend."));
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              polling: { minEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              console:
                listen: "127.0.0.1:0"
                auth: { mode: none }
            feeds:
              - id: world-desk
                url: "{{feed.FeedUrl}}"
                every: 2s
            rules:
              - id: border
                query: troops AND border
                notify: [desk]
            subscribers:
              - id: desk
                email: [desk@example.org]
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        (await Eventually.TrueAsync(() => feed.Requests > 0, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;

        await page.GotoAsync(new Uri(console.Address, "/rules").AbsoluteUri).WaitAsync(ct);
        await page.GetByRole(AriaRole.Link, new() { Name = "Try rule border" }).ClickAsync().WaitAsync(ct);
        (await page.GetByLabel("Query", new() { Exact = true }).InputValueAsync().WaitAsync(ct)).ShouldBe("troops AND border");
        (await Eventually.TrueAsync(async () =>
        {
            await page.ReloadAsync().WaitAsync(ct);
            return (await page.Locator(".summary").TextContentAsync().WaitAsync(ct))?.Contains("1 of 3", StringComparison.Ordinal) == true;
        }, TimeSpan.FromSeconds(15), ct)).ShouldBeTrue("the archive holds the feed's three items and the rule matches one");

        await page.GetByLabel("Query", new() { Exact = true }).FillAsync("border").WaitAsync(ct);
        await Assertions.Expect(page.Locator(".summary")).ToContainTextAsync("2 of 3").WaitAsync(ct);
        (await page.Locator(".matches mark").AllTextContentsAsync().WaitAsync(ct)).ShouldAllBe(t => t == "border");
        (await page.Locator(".diff .added").TextContentAsync().WaitAsync(ct))!.ShouldContain("Refugees cross the border at night");
        page.Url.ShouldContain("query=border", Case.Sensitive, "the address follows the query, so it can be shared");
        await Browser.CheckAndKeepAsync(page, "console-try", ct);

        await page.GetByLabel("Query", new() { Exact = true }).FillAsync("border AND (").WaitAsync(ct);
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("column").WaitAsync(ct);

        await page.GotoAsync(new Uri(console.Address, "/explain").AbsoluteUri).WaitAsync(ct);
        await page.GetByLabel("Item link or key").FillAsync("w-2").WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Explain" }).ClickAsync().WaitAsync(ct);
        (await page.Locator(".explained .badge").First.TextContentAsync().WaitAsync(ct)).ShouldBe("not alerted");
        var troops = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "troops" });
        (await troops.Locator(".badge").TextContentAsync().WaitAsync(ct)).ShouldBe("missed");
        await Browser.CheckAndKeepAsync(page, "console-explain", ct);
    }
}
