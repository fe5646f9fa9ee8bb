using Aggregator.Core.Links;
using Aggregator.Tests.Support;
using Microsoft.Playwright;

namespace Aggregator.Tests.PublicPages;

/// <summary>The subscriber pages as a subscriber sees them, in headless Chromium: usable by keyboard, labelled, checked with axe.</summary>
public sealed class SubscriberPagesBrowserTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string Secret = "q7Vt2mXc9LpR4sWz8KdN1bYf6HgJ3eUa";

    [Fact]
    public async Task A_subscriber_unsubscribes_from_a_rule_then_pauses_and_mutes_a_word_from_their_preferences()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        var port = FreePort.Next();
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              public: { baseUrl: "http://127.0.0.1:{{port}}", listen: "127.0.0.1:{{port}}", linkSecret: "{{Secret}}" }
            rules:
              - { id: border, query: troops AND border, notify: [desk] }
              - { id: ports, query: harbour OR port, notify: [desk] }
            subscribers:
              - { id: desk, email: [ann@example.org] }
            """);
        using var worker = AggregatorProcess.Start(work.Path, null, "run", "--config", "config");
        (await worker.WaitForOutputAsync("Subscriber pages listening on ", TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(worker.StandardOutput + worker.StandardError);
        var seal = new LinkSeal(Secret);
        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;

        await page.GotoAsync($"http://127.0.0.1:{port}/p/u/{seal.Seal(new LinkGrant(LinkKind.Unsubscribe, "desk", "border", "ann@example.org"))}").WaitAsync(ct);
        await Browser.CheckAndKeepAsync(page, "subscriber-unsubscribe", ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Unsubscribe" }).ClickAsync().WaitAsync(ct);
        (await page.GetByRole(AriaRole.Status).TextContentAsync().WaitAsync(ct))!.ShouldContain("will get no more alerts from the rule “border”");

        await page.GetByRole(AriaRole.Link, new() { Name = "Your alert preferences" }).ClickAsync().WaitAsync(ct);
        await page.GetByLabel("No alerts until").FillAsync("2099-01-31").WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync().WaitAsync(ct);
        (await page.GetByRole(AriaRole.Status).TextContentAsync().WaitAsync(ct))!.ShouldContain("Paused until 31 January 2099.");
        await page.GetByLabel("Mute a word for this rule").Last.FillAsync("ferry").WaitAsync(ct);
        await page.GetByLabel("Mute a word for this rule").Last.PressAsync("Enter").WaitAsync(ct);
        (await page.GetByRole(AriaRole.Status).TextContentAsync().WaitAsync(ct))!.ShouldContain("Items with “ferry” no longer alert for rule ports.");
        (await page.GetByRole(AriaRole.List, new() { Name = "Muted words of rule ports" }).TextContentAsync().WaitAsync(ct))!.ShouldContain("ferry");
        (await page.Locator("#unsubscribed ~ ul").TextContentAsync().WaitAsync(ct))!.ShouldContain("rule border");
        await Browser.CheckAndKeepAsync(page, "subscriber-preferences", ct);

        await page.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark }).WaitAsync(ct);
        await Browser.CheckAndKeepAsync(page, "subscriber-preferences-dark", ct);
        worker.Terminate();
    }
}
