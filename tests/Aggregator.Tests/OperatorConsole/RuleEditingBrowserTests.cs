using Aggregator.Tests.Support;
using Microsoft.Playwright;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// Rules edited in the console, in headless Chromium against the real executable with <c>configWrites: direct</c>:
/// the diff is shown before the save, the file keeps every hand-written byte outside the changed value, the worker
/// alerts on the new query, a broken query is refused with its column, and a save against a file changed since its
/// page was loaded is refused.
/// </summary>
public sealed class RuleEditingBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string HandWrittenRules = """
        # Rules of the night desk. Keep each one narrow.
        rules:
          # Anything about troops near a border; Ann owns this one.
          - id: border
            query: troops AND border   # the desk's main rule
            notify: [desk-hook]

          - id: ports
            query: 'harbour OR port'
            notify: [desk-hook]
        """;

    [Fact]
    public async Task An_operator_edits_a_query_sees_the_diff_saves_and_the_worker_alerts_with_the_new_query()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        await using var feed = new FeedServer();
        feed.AddItem("w-1", "Troops gather near the border", "Columns were seen at dawn.");
        await using var hook = new WebhookReceiver();
        using var work = Config(feed, hook);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        (await Eventually.TrueAsync(() => feed.Requests > 0, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);
        var rulesFile = work.Combine("config", "rules.yaml");
        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;

        await page.GotoAsync(new Uri(console.Address, "/rules").AbsoluteUri).WaitAsync(ct);
        await page.GetByRole(AriaRole.Link, new() { Name = "Edit rule border" }).ClickAsync().WaitAsync(ct);
        (await page.GetByLabel("query", new() { Exact = true }).InputValueAsync().WaitAsync(ct)).ShouldBe("troops AND border");

        await page.GetByLabel("query", new() { Exact = true }).FillAsync("refugees AND (").WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync().WaitAsync(ct);
        var refusal = await page.Locator(".problems").TextContentAsync().WaitAsync(ct);
        refusal!.ShouldContain("rules.yaml:5:26: error: invalid query in rule 'border': query ends where a term was expected",
            Case.Sensitive, "the position points at the column of the query where it breaks");
        (await File.ReadAllTextAsync(rulesFile, ct)).ShouldBe(HandWrittenRules, "a refused edit leaves the file untouched");
        await Browser.CheckAndKeepAsync(page, "console-rule-refused", ct);

        await page.GetByLabel("query", new() { Exact = true }).FillAsync("refugees").WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview the change" }).ClickAsync().WaitAsync(ct);
        (await page.Locator(".patch .removed").AllTextContentsAsync().WaitAsync(ct)).ShouldBe(["-    query: troops AND border   # the desk's main rule"]);
        (await page.Locator(".patch .added").AllTextContentsAsync().WaitAsync(ct)).ShouldBe(["+    query: refugees   # the desk's main rule"]);
        (await File.ReadAllTextAsync(rulesFile, ct)).ShouldBe(HandWrittenRules, "a preview writes nothing");
        await Browser.CheckAndKeepAsync(page, "console-rule-preview", ct);

        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync().WaitAsync(ct);
        (await page.GetByRole(AriaRole.Status).First.TextContentAsync().WaitAsync(ct))!.ShouldContain("the reload accepted it");
        (await File.ReadAllTextAsync(rulesFile, ct)).ShouldBe(HandWrittenRules.Replace("query: troops AND border", "query: refugees", StringComparison.Ordinal),
            "only the query's characters change: the comments, the blank line and the other rule's quoting stay byte for byte");
        await Browser.CheckAndKeepAsync(page, "console-rule-saved", ct);

        feed.AddItem("w-2", "Troops mass at the border again", "Old query only.");
        feed.AddItem("w-3", "Refugees reach the coast", "New query only.");
        (await Eventually.TrueAsync(() => hook.Requests.Any(r => r.Body.Contains("Refugees reach the coast", StringComparison.Ordinal)), TimeSpan.FromSeconds(20), ct))
            .ShouldBeTrue(console.Output);
        hook.Requests.ShouldNotContain(r => r.Body.Contains("Troops mass at the border again", StringComparison.Ordinal), "the old query is no longer in force");

        await page.GotoAsync(new Uri(console.Address, "/config").AbsoluteUri).WaitAsync(ct);
        var change = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "rules.yaml" }).Filter(new() { HasText = "direct" });
        (await change.Locator(".badge").TextContentAsync().WaitAsync(ct)).ShouldBe("accepted");
        await Browser.CheckAndKeepAsync(page, "console-config", ct);
    }

    [Fact]
    public async Task Of_two_operators_editing_the_same_file_the_second_save_is_refused_with_what_changed()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        await using var feed = new FeedServer();
        await using var hook = new WebhookReceiver();
        using var work = Config(feed, hook);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        var rulesFile = work.Combine("config", "rules.yaml");
        var ann = await browser.NewPageAsync(ct);
        await using var annContext = ann.Context;
        var bob = await browser.NewPageAsync(ct);
        await using var bobContext = bob.Context;

        await ann.GotoAsync(new Uri(console.Address, "/rules/border/edit").AbsoluteUri).WaitAsync(ct);
        await bob.GotoAsync(new Uri(console.Address, "/rules/ports/edit").AbsoluteUri).WaitAsync(ct);
        await ann.GetByLabel("query", new() { Exact = true }).FillAsync("troops AND frontier").WaitAsync(ct);
        await ann.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync().WaitAsync(ct);
        (await ann.GetByRole(AriaRole.Status).First.TextContentAsync().WaitAsync(ct))!.ShouldContain("the reload accepted it");

        await bob.GetByLabel("query", new() { Exact = true }).FillAsync("harbour").WaitAsync(ct);
        await bob.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync().WaitAsync(ct);
        (await bob.GetByRole(AriaRole.Alert).TextContentAsync().WaitAsync(ct))!.ShouldContain("changed on disk since this page was loaded");
        (await bob.Locator(".patch .added").AllTextContentsAsync().WaitAsync(ct)).ShouldBe(["+    query: troops AND frontier   # the desk's main rule"],
            "the refusal shows the other operator's change");
        await Browser.CheckAndKeepAsync(bob, "console-rule-conflict", ct);

        var text = await File.ReadAllTextAsync(rulesFile, ct);
        text.ShouldContain("query: troops AND frontier");
        text.ShouldContain("query: 'harbour OR port'", Case.Sensitive, "the second save wrote nothing, and nothing was merged");
    }

    private static TempDirectory Config(FeedServer feed, WebhookReceiver hook)
    {
        var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              polling: { minEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              console:
                listen: "127.0.0.1:0"
                auth: { mode: none }
                configWrites: direct
            feeds:
              - id: world-desk
                url: "{{feed.FeedUrl}}"
                every: 1s
            subscribers:
              - id: desk-hook
                webhook: { url: "{{hook.Url}}", secret: {{WebhookReceiver.Secret}} }
            """);
        work.Write("config/rules.yaml", HandWrittenRules);
        return work;
    }
}
