using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Aggregator.Tests.Support;

/// <summary>
/// The machine's own headless Chromium, driven by Playwright: <c>AGGREGATOR_CHROMIUM</c> when set (and then
/// only that), else <c>/usr/bin/chromium-headless-shell</c>, else <c>/usr/bin/chromium</c>. No browser is ever
/// downloaded. <see cref="TryLaunchAsync"/> returns null with the reason when there is none; CI
/// (AGGREGATOR_REQUIRE_BROWSER=1) makes that a failure. Screenshots go to <see cref="ScreenshotDirectory"/>:
/// <c>AGGREGATOR_SCREENSHOTS</c> when set, else <c>screenshots/</c> in the test output directory
/// (tests/Aggregator.Tests/bin/Release/net10.0/screenshots).
/// </summary>
/// <remarks>
/// Playwright's calls take no CancellationToken: on cancellation these helpers stop waiting (WaitAsync), and
/// Playwright's own timeout (30 s) ends the call in the browser.
/// </remarks>
internal sealed class Browser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private Browser(IPlaywright playwright, IBrowser browser, string executable)
    {
        _playwright = playwright;
        _browser = browser;
        Executable = executable;
    }

    public static bool Required => Environment.GetEnvironmentVariable("AGGREGATOR_REQUIRE_BROWSER") == "1";

    public static string ScreenshotDirectory =>
        Environment.GetEnvironmentVariable("AGGREGATOR_SCREENSHOTS") is { Length: > 0 } dir ? dir : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public string Executable { get; }

    /// <summary>The browser's version as Chromium reports it, e.g. 156.0.8078.114.</summary>
    public string Version => _browser.Version;

    public static async Task<(Browser? Browser, string? Why)> TryLaunchAsync(CancellationToken cancellationToken)
    {
        var configured = Environment.GetEnvironmentVariable("AGGREGATOR_CHROMIUM");
        string[] candidates = string.IsNullOrEmpty(configured) ? ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"] : [configured];
        var executable = candidates.FirstOrDefault(File.Exists);
        if (executable is null) return (null, "no Chromium at " + string.Join(" or ", candidates) + " (set AGGREGATOR_CHROMIUM to its path)");

        var playwright = await Playwright.CreateAsync().WaitAsync(cancellationToken);
        try
        {
            var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = executable, Headless = true }).WaitAsync(cancellationToken);
            return (new Browser(playwright, browser, executable), null);
        }
        catch (PlaywrightException ex)
        {
            playwright.Dispose();
            return (null, $"{executable} did not start: {ex.Message}");
        }
    }

    /// <summary>
    /// A page alone in a new context (its own cookies and storage). <c>await using var context = page.Context;</c>
    /// closes it when the test ends; whatever is left open closes with the browser.
    /// </summary>
    public async Task<IPage> NewPageAsync(CancellationToken cancellationToken)
    {
        var context = await _browser.NewContextAsync().WaitAsync(cancellationToken);
        return await context.NewPageAsync().WaitAsync(cancellationToken);
    }

    /// <summary>Saves the whole page as <paramref name="name"/>.png in <see cref="ScreenshotDirectory"/>; returns its path.</summary>
    public static async Task<string> ScreenshotAsync(IPage page, string name, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true }).WaitAsync(cancellationToken);
        return path;
    }

    /// <summary>
    /// Runs axe-core on the page as it is now and returns its violations of impact serious or critical, one
    /// line each (rule, impact, help, offending elements): a test asserts the list is empty.
    /// </summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page, CancellationToken cancellationToken)
    {
        AxeResult result = await page.RunAxe().WaitAsync(cancellationToken);
        return [.. result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")];
    }

    /// <summary>Asserts the page has no serious accessibility violation, and keeps its screenshot as <paramref name="name"/>.png.</summary>
    public static async Task CheckAndKeepAsync(IPage page, string name, CancellationToken cancellationToken)
    {
        (await SeriousAccessibilityViolationsAsync(page, cancellationToken)).ShouldBeEmpty(name);
        new FileInfo(await ScreenshotAsync(page, name, cancellationToken)).Length.ShouldBeGreaterThan(1000, name);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

/// <summary>
/// One browser per test class; each test takes a page of its own (<see cref="Browser.NewPageAsync"/>). When the
/// machine has no Chromium the tests skip with the reason, unless <see cref="Browser.Required"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private Browser? _browser;
    private string? _why;

    public async ValueTask InitializeAsync()
    {
        (_browser, _why) = await Browser.TryLaunchAsync(CancellationToken.None);
    }

    /// <summary>The browser, or the test ends here: skipped with the reason, or failed when a browser is required.</summary>
    internal Browser Require()
    {
        if (_browser is not null) return _browser;
        var why = "Chromium unavailable: " + _why;
        if (Browser.Required) Assert.Fail(why + " (AGGREGATOR_REQUIRE_BROWSER=1)");
        Assert.Skip(why);
        return null!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
    }
}
