using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Tests.Opml;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// OPML through the console of the real executable: a reader's export previewed (new feeds, duplicates by URL) and
/// taken as a patch or written, and <c>/feeds.opml</c> read back in as nothing new. Feeds outside loopback are never
/// polled here: the one already configured fires on 1 January only, and the real export is only ever offered as a patch.
/// </summary>
public sealed partial class OpmlImportPagesTests
{
    [Fact]
    public async Task A_Miniflux_export_is_previewed_with_its_duplicate_and_offered_as_a_patch_of_the_feeds_file()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", """
            settings:
              console: { listen: "127.0.0.1:0", auth: { mode: none } }
            """);
        work.Write("config/feeds.yaml", """
            feeds:
              # Already followed by hand.
              - id: rust
                url: https://blog.rust-lang.org/feed.xml
                cron: "0 0 0 1 1 ?"
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);

        var (status, html) = await ImportAsync(console, OpmlSamples.Text("miniflux.opml"), "feeds.yaml", ct);

        status.ShouldBe(HttpStatusCode.OK, html);
        var shown = WebUtility.HtmlDecode(html);
        shown.ShouldContain("11 new feeds into");
        shown.ShouldContain("1 already there (same URL)");
        shown.ShouldContain("feed rust");
        shown.ShouldContain("+  - id: baby-steps");
        shown.ShouldContain("+    tags: [programming]");

        var (saved, page) = await SaveAsync(console, html, ct);

        saved.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("configWrites is patch, so feeds.yaml was not written");
        var id = ChangeLink().Match(page).Groups["id"].Value;
        var patch = await console.Http.GetStringAsync($"/config/changes/{id}/patch", ct);
        Regex.Count(patch, @"^\+  - id: ", RegexOptions.Multiline).ShouldBe(11);
        patch.Split('\n').Where(l => l.StartsWith('+')).ShouldNotContain(l => l.Contains("blog.rust-lang.org", StringComparison.Ordinal), "the duplicate is left out");
    }

    [Fact]
    public async Task Imported_feeds_are_written_and_polled_and_the_export_reads_back_in_as_nothing_new()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = new FeedServer("World Desk");
        await using var markets = new FeedServer("Markets Desk");
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", """
            settings:
              polling: { minEvery: 1s, defaultEvery: 1s }
              network: { allowedPrivateNetworks: ["127.0.0.0/8"] }
              console: { listen: "127.0.0.1:0", auth: { mode: none }, configWrites: direct }
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        var opml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>Desk subscriptions</title></head>
              <body>
                <outline text="News" title="News">
                  <outline type="rss" text="World Desk" title="World Desk" xmlUrl="{world.FeedUrl}"/>
                  <outline type="rss" text="Markets Desk" title="Markets Desk" xmlUrl="{markets.FeedUrl}"/>
                </outline>
              </body>
            </opml>
            """;

        var (previewed, preview) = await ImportAsync(console, opml, "imported.yaml", ct);
        previewed.ShouldBe(HttpStatusCode.OK, preview);
        var (saved, page) = await SaveAsync(console, preview, ct);

        saved.ShouldBe(HttpStatusCode.OK, page);
        page.ShouldContain("Saved to imported.yaml; the reload accepted it.");
        (await File.ReadAllTextAsync(work.Combine("config", "imported.yaml"), ct)).ShouldBe($"""
            feeds:
              - id: world-desk
                url: {world.FeedUrl}
                tags: [news]
              - id: markets-desk
                url: {markets.FeedUrl}
                tags: [news]

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        (await Eventually.TrueAsync(() => world.Requests > 0 && markets.Requests > 0, TimeSpan.FromSeconds(20), ct)).ShouldBeTrue(console.Output);

        var export = await console.Http.GetStringAsync("/feeds.opml", ct);
        export.ShouldContain($"xmlUrl=\"{world.FeedUrl}\"");
        var (again, reimport) = await ImportAsync(console, export, "imported.yaml", ct);
        again.ShouldBe(HttpStatusCode.OK, reimport);
        WebUtility.HtmlDecode(reimport).ShouldContain("0 new feeds into");
        WebUtility.HtmlDecode(reimport).ShouldContain("2 already there (same URL)");
        using var config = JsonDocument.Parse(await console.Http.GetStringAsync("/api/config", ct));
        config.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(1, "a preview records nothing");
    }

    private static async Task<(HttpStatusCode, string)> ImportAsync(ConsoleWorker console, string opml, string file, CancellationToken ct)
    {
        var form = await console.Http.GetStringAsync("/import", ct);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Field(form, "__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(Field(form, "basefile")), "basefile" },
            { new StringContent(Field(form, "base")), "base" },
            { new StringContent(file), "file" },
            { new StringContent("preview"), "action" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(opml)), "opml", "subscriptions.opml" },
        };
        using var response = await console.Http.PostAsync("/import", content, ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(ct));
    }

    /// <summary>Posts the preview's own confirmation form, as the button would.</summary>
    private static async Task<(HttpStatusCode, string)> SaveAsync(ConsoleWorker console, string preview, CancellationToken ct)
    {
        var confirm = preview[preview.LastIndexOf("<form method=\"post\" action=\"/import\">", StringComparison.Ordinal)..];
        using var response = await console.PostFormAsync("/import",
        [
            new("__RequestVerificationToken", Field(confirm, "__RequestVerificationToken")), new("text", Field(confirm, "text")),
            new("file", Field(confirm, "file")), new("basefile", Field(confirm, "basefile")), new("base", Field(confirm, "base")), new("action", "save"),
        ], ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)));
    }

    private static string Field(string html, string name) =>
        WebUtility.HtmlDecode(Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"(?<value>[^\"]*)\"").Groups["value"].Value);

    [GeneratedRegex("href=\"/config/changes/(?<id>\\d+)\"")]
    private static partial Regex ChangeLink();
}
