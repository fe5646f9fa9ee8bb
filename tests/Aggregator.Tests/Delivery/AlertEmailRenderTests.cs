using Aggregator.Configuration;
using Aggregator.Core.Alerts;
using Aggregator.Delivery;
using Aggregator.Delivery.Email;
using Aggregator.PublicPages;
using Aggregator.Tests.Support;
using Microsoft.Playwright;

namespace Aggregator.Tests.Delivery;

/// <summary>
/// The HTML part as sent (composed and sanitised) of alerts on real news items, rendered in headless Chromium at
/// a desktop mail pane's width and a phone's, light and dark. Each rendering is checked with axe (contrast
/// included) and kept as a screenshot (see <see cref="Browser.ScreenshotDirectory"/>).
/// </summary>
public sealed class AlertEmailRenderTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private static readonly SmtpOptions Smtp = new() { From = "Aggregator <alerts@example.org>" };

    private static Alert Children() => NewsAlerts.For("gdn5",
        ("children-europe", "child AND europe"), ("migrants", "refugee OR migrant"));

    private static Alert Attack() => NewsAlerts.For("gdn1", ("terror-attack", "terrorist AND attack"));

    private static Alert Mali() => NewsAlerts.For("bbc11", ("armed-attacks", "armed NEAR/5 attack"), ("sahel", "Mali OR Niger OR \"Burkina Faso\""));

    private static Alert Earthquake() => NewsAlerts.For("gov1", ("kumamoto-quake", "熊本地震 AND 医療"));

    public static TheoryData<int, bool> Views => new() { { 600, false }, { 600, true }, { 375, false }, { 375, true } };

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_single_alert_reads_well_at_each_width_in_light_and_dark(int width, bool dark)
    {
        var html = Compose(new DeliveryEnvelope("m1", Desk, [Children()], false, DateTimeOffset.UnixEpoch));

        var page = await RenderAsync(html, width, dark);
        await using var context = page.Context;

        await AssertReadsWellAsync(page, width);
        (await page.Locator("mark").AllTextContentsAsync()).ShouldContain("children");
        (await page.GetByRole(AriaRole.Link, new() { Name = "Unsubscribe from this rule" }).CountAsync()).ShouldBe(2);
        await Browser.CheckAndKeepAsync(page, $"alert-email-{width}-{(dark ? "dark" : "light")}", TestContext.Current.CancellationToken);
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task A_digest_reads_well_at_each_width_in_light_and_dark(int width, bool dark)
    {
        var html = Compose(new DeliveryEnvelope("d1", Desk, [Children(), Attack(), Mali(), Earthquake()], true, DateTimeOffset.UnixEpoch));

        var page = await RenderAsync(html, width, dark);
        await using var context = page.Context;

        await AssertReadsWellAsync(page, width);
        (await page.GetByRole(AriaRole.Link, new() { Name = "Preferences" }).CountAsync()).ShouldBe(1);
        (await page.GetByRole(AriaRole.Heading, new() { Level = 2 }).CountAsync()).ShouldBe(4);
        (await page.Locator("mark").AllTextContentsAsync()).ShouldContain("熊本地震");
        await Browser.CheckAndKeepAsync(page, $"alert-digest-{width}-{(dark ? "dark" : "light")}", TestContext.Current.CancellationToken);
    }

    private static readonly SubscriberDefinition Desk = new() { Id = "desk", Email = ["desk@example.org"] };

    private static string Compose(DeliveryEnvelope envelope) =>
        new EmailComposer(new SubscriberLinks(new ActiveConfig(ConfigSnapshot.Create(new AggregatorConfig { Directory = Path.GetTempPath() }))))
            .Compose(envelope, Smtp, NewsAlerts.Links).HtmlBody.ShouldNotBeNull();

    private async Task<IPage> RenderAsync(string html, int width, bool dark)
    {
        var ct = TestContext.Current.CancellationToken;
        var page = await fixture.Require().NewPageAsync(ct);
        await page.SetViewportSizeAsync(width, 800).WaitAsync(ct);
        await page.EmulateMediaAsync(new() { ColorScheme = dark ? ColorScheme.Dark : ColorScheme.Light }).WaitAsync(ct);
        await page.SetContentAsync(html).WaitAsync(ct);
        return page;
    }

    /// <summary>No sideways scrolling, every mark visible and readable, nothing fetched from elsewhere, and the scheme followed.</summary>
    private static async Task AssertReadsWellAsync(IPage page, int width)
    {
        var ct = TestContext.Current.CancellationToken;
        (await page.EvaluateAsync<int>("document.documentElement.scrollWidth").WaitAsync(ct)).ShouldBeLessThanOrEqualTo(width);
        (await page.EvaluateAsync<double>("document.querySelector('body > div').getBoundingClientRect().width").WaitAsync(ct)).ShouldBeLessThanOrEqualTo(600);
        var marks = page.Locator("mark");
        (await marks.CountAsync().WaitAsync(ct)).ShouldBeGreaterThan(0);
        foreach (var mark in await marks.AllAsync().WaitAsync(ct))
        {
            (await mark.IsVisibleAsync().WaitAsync(ct)).ShouldBeTrue();
            var box = (await mark.BoundingBoxAsync().WaitAsync(ct)).ShouldNotBeNull();
            ((double)box.X + box.Width).ShouldBeLessThanOrEqualTo(width + 0.5);
        }
        (await page.Locator("img, link, script, style, iframe, object, embed, [src], [srcset]").CountAsync().WaitAsync(ct)).ShouldBe(0);
        (await page.EvaluateAsync<string[]>("[...document.querySelectorAll('[style]')].map(e => e.getAttribute('style')).filter(s => /url\\(/i.test(s))").WaitAsync(ct))
            .ShouldBeEmpty("no style loads anything");
        (await page.EvaluateAsync<string[]>("[...document.querySelectorAll('a[href]')].map(a => a.href).filter(h => !/^https?:[/][/]/.test(h))").WaitAsync(ct))
            .ShouldBeEmpty("links are http(s) only");
    }
}
