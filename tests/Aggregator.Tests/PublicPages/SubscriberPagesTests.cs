using System.Net;
using System.Net.Http.Headers;
using Aggregator.Core.Links;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.PublicPages;

/// <summary>
/// The subscriber pages of the real executable, reached by a plain HTTP client as a mail client or a browser would:
/// a GET changes nothing, the one-click POST exactly as Gmail sends it unsubscribes at once, and a link that is
/// altered or from another deployment is a 404 that says nothing.
/// </summary>
public sealed class SubscriberPagesTests
{
    private const string Secret = "q7Vt2mXc9LpR4sWz8KdN1bYf6HgJ3eUa";

    [Fact]
    public async Task A_one_click_post_as_Gmail_sends_it_unsubscribes_and_a_get_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(out var site);
        using var worker = await StartAsync(work, ct);
        using var http = Client(site);
        var seal = new LinkSeal(Secret);
        var unsubscribe = seal.Seal(new LinkGrant(LinkKind.Unsubscribe, "desk", "border", "ann@example.org"));
        var preferences = seal.Seal(new LinkGrant(LinkKind.Preferences, "desk", Address: "ann@example.org"));

        var page = WebUtility.HtmlDecode(await http.GetStringAsync($"/p/u/{unsubscribe}", ct));
        page.ShouldContain("Stop alerts from the rule “border” for a•••@example.org?");
        page.ShouldNotContain("ann@example.org", Case.Sensitive, "the address is shown masked");
        (await http.GetStringAsync($"/p/s/{preferences}", ct)).ShouldNotContain("Resubscribe", Case.Sensitive, "the GET changed nothing");

        using var response = await OneClickAsync(http, unsubscribe, ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Headers.Contains("Set-Cookie").ShouldBeFalse();
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)).ShouldContain("Done: a•••@example.org will get no more alerts from the rule “border”.");
        var after = WebUtility.HtmlDecode(await http.GetStringAsync($"/p/s/{preferences}", ct));
        after.ShouldContain("a•••@example.org, rule border");
        after.ShouldContain("Resubscribe");
    }

    [Fact]
    public async Task An_altered_link_or_one_of_another_deployment_is_a_404_that_says_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(out var site);
        using var worker = await StartAsync(work, ct);
        using var http = Client(site);
        var token = new LinkSeal(Secret).Seal(new LinkGrant(LinkKind.Preferences, "desk", Address: "ann@example.org"));
        var foreign = new LinkSeal(Secret + "-elsewhere").Seal(new LinkGrant(LinkKind.Preferences, "desk", Address: "ann@example.org"));
        var gone = new LinkSeal(Secret).Seal(new LinkGrant(LinkKind.Preferences, "nobody", Address: "x@example.org"));
        var wrongKind = new LinkSeal(Secret).Seal(new LinkGrant(LinkKind.Unsubscribe, "desk", "border", "ann@example.org"));
        var altered = token[..^2] + (token[^2] == 'A' ? "B" : "A") + token[^1];

        foreach (var path in new[] { $"/p/s/{altered}", $"/p/s/{foreign}", $"/p/s/{gone}", $"/p/s/{wrongKind}", "/p/s/v1.nonsense", "/p/x/anything", "/" })
        {
            using var response = await http.GetAsync(path, ct);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            var text = await response.Content.ReadAsStringAsync(ct);
            text.ShouldContain("This link does not work.");
            text.ShouldNotContain("desk");
            text.ShouldNotContain("example.org");
        }
        using var post = await OneClickAsync(http, foreign, ct);
        post.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await http.GetStringAsync($"/p/s/{token}", ct)).ShouldNotContain("Resubscribe", Case.Sensitive, "the foreign post changed nothing");
    }

    [Fact]
    public async Task Preferences_pause_change_the_cadence_and_turn_a_rule_off()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(out var site);
        using var worker = await StartAsync(work, ct);
        using var http = Client(site);
        var preferences = $"/p/s/{new LinkSeal(Secret).Seal(new LinkGrant(LinkKind.Preferences, "desk", Address: "ann@example.org"))}";

        var paused = await PostAsync(http, preferences, [new("action", "pause"), new("until", "2099-01-31")], ct);
        var cadence = await PostAsync(http, preferences, [new("action", "digest"), new("digest", "daily 08:00")], ct);
        var off = await PostAsync(http, preferences, [new("action", "rule-off"), new("rule", "border")], ct);

        paused.ShouldContain("Paused until 31 January 2099.");
        cadence.ShouldContain("Alerts now come daily 08:00.");
        off.ShouldContain("Rule border is off.");
        off.ShouldContain("Paused until 31 January 2099");
        off.ShouldContain("<option value=\"daily 08:00\" selected");
        off.ShouldContain("Turn on rule border");

        var muted = await PostAsync(http, preferences, [new("action", "mute-word"), new("rule", "border"), new("word", "drill")], ct);
        var unmuted = await PostAsync(http, preferences, [new("action", "unmute-word"), new("rule", "border"), new("word", "drill")], ct);
        var again = await PostAsync(http, preferences, [new("action", "unmute-word"), new("rule", "border"), new("word", "drill")], ct);
        muted.ShouldContain("Items with “drill” no longer alert for rule border.");
        unmuted.ShouldContain("“drill” unmuted.");
        again.ShouldContain("“drill” was not muted for rule border.", Case.Sensitive, "the notice says when nothing changed");
    }

    /// <summary>An unsubscription can outlive its rule (an old mail's link); resubscribing from it lifts that one, not the one from every rule.</summary>
    [Fact]
    public async Task Resubscribing_from_a_rule_no_longer_configured_keeps_the_unsubscription_from_every_rule()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(out var site);
        using var worker = await StartAsync(work, ct);
        using var http = Client(site);
        var seal = new LinkSeal(Secret);
        var preferences = $"/p/s/{seal.Seal(new LinkGrant(LinkKind.Preferences, "desk", Address: "ann@example.org"))}";
        foreach (var rule in new[] { null, "retired" })
        {
            using var oneClick = await OneClickAsync(http, seal.Seal(new LinkGrant(LinkKind.Unsubscribe, "desk", rule, "ann@example.org")), ct);
            oneClick.StatusCode.ShouldBe(HttpStatusCode.OK);
        }
        var before = WebUtility.HtmlDecode(await http.GetStringAsync(preferences, ct));
        before.ShouldContain("a•••@example.org, every rule");
        before.ShouldContain("a•••@example.org, rule retired");

        var after = await PostAsync(http, preferences, [new("action", "resubscribe"), new("rule", "retired")], ct);

        after.ShouldContain("Resubscribed to rule retired.");
        after.ShouldNotContain("a•••@example.org, rule retired");
        after.ShouldContain("a•••@example.org, every rule", Case.Sensitive, "the unsubscription from every rule stays");
    }

    /// <summary>What Gmail posts for List-Unsubscribe-Post (RFC 8058): no cookies, this one form field.</summary>
    private static Task<HttpResponseMessage> OneClickAsync(HttpClient http, string unsubscribeToken, CancellationToken ct) =>
        http.PostAsync($"/p/u/{unsubscribeToken}", new StringContent("List-Unsubscribe=One-Click", new MediaTypeHeaderValue("application/x-www-form-urlencoded")), ct);

    private static async Task<string> PostAsync(HttpClient http, string path, IEnumerable<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        using var response = await http.PostAsync(path, new FormUrlEncodedContent(fields), ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct));
    }

    private static TempDirectory Work(out Uri site)
    {
        var port = FreePort.Next();
        site = new Uri($"http://127.0.0.1:{port}/");
        var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              public: { baseUrl: "http://127.0.0.1:{{port}}", listen: "127.0.0.1:{{port}}", linkSecret: "{{Secret}}" }
            rules:
              - { id: border, query: troops AND border, notify: [desk] }
            subscribers:
              - { id: desk, email: [ann@example.org, night@example.org], timezone: Europe/London }
            """);
        return work;
    }

    private static async Task<AggregatorProcess> StartAsync(TempDirectory work, CancellationToken ct)
    {
        var process = AggregatorProcess.Start(work.Path, null, "run", "--config", "config");
        if (!await process.WaitForOutputAsync("Subscriber pages listening on ", TimeSpan.FromSeconds(30), ct))
            throw new InvalidOperationException("the subscriber pages did not start:\n" + process.StandardOutput + process.StandardError);
        return process;
    }

    private static HttpClient Client(Uri site) =>
        new(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false, UseProxy = false }) { BaseAddress = site, Timeout = TimeSpan.FromSeconds(30) };
}
