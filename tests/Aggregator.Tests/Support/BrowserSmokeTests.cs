using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Web;
using Microsoft.Playwright;

namespace Aggregator.Tests.Support;

/// <summary>
/// The browser fixture end to end against a form served on 127.0.0.1: a person fills and submits it, the
/// server gets the value, the answer page shows it, a screenshot is saved and axe finds nothing serious.
/// </summary>
public sealed class BrowserSmokeTests(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    private const string FormPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>New rule</title></head>
        <body>
        <main>
        <h1>New rule</h1>
        <form method="post" action="/rules">
        <label for="query">Query</label>
        <input id="query" name="query" type="text">
        <button type="submit">Save</button>
        </form>
        </main>
        </body>
        </html>
        """;

    private readonly ConcurrentQueue<string> _posted = new();

    [Fact]
    public async Task A_labelled_form_is_filled_submitted_screenshotted_and_passes_axe()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        await using var server = new LoopbackHttpServer(AnswerAsync);
        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;
        const string query = "title:\"Release 2.0\" & <b>security</b> é";

        await page.GotoAsync(server.BaseUrl.AbsoluteUri).WaitAsync(ct);
        await page.GetByLabel("Query").FillAsync(query).WaitAsync(ct);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync().WaitAsync(ct);
        // Asserted rather than awaited as an event: WaitForURLAsync can miss the load event it waits for (playwright-dotnet#3364).
        await Assertions.Expect(page).ToHaveURLAsync(new Uri(server.BaseUrl, "rules").AbsoluteUri).WaitAsync(ct);

        await Assertions.Expect(page).ToHaveTitleAsync("Rule saved").WaitAsync(ct);
        _posted.ShouldBe([query]);
        (await page.Locator("#saved").TextContentAsync().WaitAsync(ct)).ShouldBe(query);

        var screenshot = await Browser.ScreenshotAsync(page, "browser-smoke-saved-rule", ct);
        File.Exists(screenshot).ShouldBeTrue(screenshot);
        var png = await File.ReadAllBytesAsync(screenshot, ct);
        png.Length.ShouldBeGreaterThan(8);
        png[..8].ShouldBe([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);

        (await Browser.SeriousAccessibilityViolationsAsync(page, ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_accessibility_check_reports_an_unlabelled_field()
    {
        var ct = TestContext.Current.CancellationToken;
        var browser = fixture.Require();
        var page = await browser.NewPageAsync(ct);
        await using var context = page.Context;
        await page.SetContentAsync(FormPage.Replace("<label for=\"query\">Query</label>", "", StringComparison.Ordinal)).WaitAsync(ct);

        var violations = await Browser.SeriousAccessibilityViolationsAsync(page, ct);

        violations.ShouldContain(v => v.StartsWith("label (critical)", StringComparison.Ordinal), string.Join("\n", violations));
    }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        var request = context.Request;
        string html;
        switch (request.HttpMethod, request.Url!.AbsolutePath)
        {
            case ("GET", "/"):
                html = FormPage;
                break;
            case ("POST", "/rules"):
                using (var reader = new StreamReader(request.InputStream, Encoding.UTF8))
                {
                    var query = HttpUtility.ParseQueryString(await reader.ReadToEndAsync())["query"] ?? "";
                    _posted.Enqueue(query);
                    html = $"""
                        <!doctype html>
                        <html lang="en">
                        <head><meta charset="utf-8"><title>Rule saved</title></head>
                        <body><main><h1>Rule saved</h1><p>Query: <code id="saved">{WebUtility.HtmlEncode(query)}</code></p></main></body>
                        </html>
                        """;
                }
                break;
            default:
                context.Response.StatusCode = 404;
                context.Response.Close();
                return;
        }
        var body = Encoding.UTF8.GetBytes(html);
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength64 = body.Length;
        await context.Response.OutputStream.WriteAsync(body);
        context.Response.Close();
    }
}
