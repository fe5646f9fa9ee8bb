using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Core.Links;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// What subscribers chose on their pages, as operators see it in the console of the real executable: listed, counted
/// ("not relevant" per rule), baked into the YAML where the YAML can say it, and lifted.
/// </summary>
public sealed class SubscriberChoicesConsoleTests
{
    private const string Secret = "q7Vt2mXc9LpR4sWz8KdN1bYf6HgJ3eUa";

    [Fact]
    public async Task Choices_show_in_the_console_bake_into_the_files_and_lift()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort.Next();
        using var work = new TempDirectory();
        work.Write("config/aggregator.yaml", $$"""
            settings:
              console: { listen: "127.0.0.1:0", auth: { mode: none }, configWrites: direct }
              public: { baseUrl: "http://127.0.0.1:{{port}}", listen: "127.0.0.1:{{port}}", linkSecret: "{{Secret}}" }
            """);
        work.Write("config/rules.yaml", """
            rules:
              - id: border
                query: troops AND border
                notify: [desk]
              - id: ports
                query: harbour
                notify: [desk, night-desk]
            """);
        work.Write("config/subscribers.yaml", """
            subscribers:
              - id: desk
                email: [ann@example.org, bob@example.org]
                digest: immediate
              - id: night-desk
                email: [night@example.org]
            """);
        using var console = await ConsoleWorker.StartAsync(work, null, ct);
        (await console.Process.WaitForOutputAsync("Subscriber pages listening on ", TimeSpan.FromSeconds(30), ct)).ShouldBeTrue(console.Output);
        using var site = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
        var seal = new LinkSeal(Secret);
        async Task Post(LinkGrant grant, string page, params (string, string)[] fields)
        {
            using var response = await site.PostAsync($"/p/{page}/{seal.Seal(grant)}", new FormUrlEncodedContent(fields.Select(f => KeyValuePair.Create(f.Item1, f.Item2))), ct);
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await Post(new(LinkKind.Unsubscribe, "desk", null, "bob@example.org"), "u");
        await Post(new(LinkKind.Preferences, "desk", Address: "ann@example.org"), "s", ("action", "rule-off"), ("rule", "ports"));
        await Post(new(LinkKind.Preferences, "desk", Address: "ann@example.org"), "s", ("action", "digest"), ("digest", "daily 08:00"));
        await Post(new(LinkKind.Preferences, "desk", Address: "ann@example.org"), "s", ("action", "pause"), ("until", "2099-01-31"));
        await Post(new(LinkKind.Alert, "desk", "border", "ann@example.org", "alert-1", "https://news.example.org/a"), "a", ("action", "not-relevant"));
        await Post(new(LinkKind.Alert, "desk", "border", "ann@example.org", "alert-1", "https://news.example.org/a"), "a", ("action", "not-relevant"));

        using (var rules = JsonDocument.Parse(await console.Http.GetStringAsync("/api/rules", ct)))
            rules.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "border").GetProperty("notRelevant").GetInt64().ShouldBe(1, "once per alert");
        using (var subscribers = JsonDocument.Parse(await console.Http.GetStringAsync("/api/subscribers", ct)))
        {
            var desk = subscribers.RootElement.GetProperty("subscribers").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "desk");
            desk.GetProperty("digestChosen").GetString().ShouldBe("daily 08:00");
            desk.GetProperty("rulesOff").EnumerateArray().Select(r => r.GetString()).ShouldBe(["ports"]);
            desk.GetProperty("unsubscribed").EnumerateArray().Select(r => r.GetString()).ShouldBe(["bob@example.org from every rule"]);
            desk.GetProperty("pausedUntil").ValueKind.ShouldBe(JsonValueKind.String);
        }

        var bake = WebUtility.HtmlDecode(await console.Http.GetStringAsync("/subscribers/desk/bake", ct));
        bake.ShouldContain("subscriber desk: digest daily 08:00");
        bake.ShouldContain("subscriber desk: email [ann@example.org]");
        bake.ShouldContain("rule ports: notify [night-desk]");
        bake.ShouldContain("paused until 2099-01-3");
        foreach (var file in new[] { "rules.yaml", "subscribers.yaml" })
        {
            var form = Regex.Match(bake, $"name=\"file\" value=\"{Regex.Escape(file)}\"[^>]*>\\s*<input type=\"hidden\" name=\"base\" value=\"(?<base>[0-9a-f]+)\"");
            form.Success.ShouldBeTrue(file);
            var (name, value) = await console.FormFieldAsync("/subscribers/desk/bake", ct);
            using var saved = await console.PostFormAsync("/subscribers/desk/bake", [new(name, value), new("file", file), new("base", form.Groups["base"].Value)], ct);
            saved.StatusCode.ShouldBe(HttpStatusCode.OK);
            WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync(ct)).ShouldContain($"Saved to {file}; the reload accepted it.");
        }

        (await File.ReadAllTextAsync(work.Combine("config", "subscribers.yaml"), ct)).ShouldBe("""
            subscribers:
              - id: desk
                email: [ann@example.org]
                digest: daily 08:00
              - id: night-desk
                email: [night@example.org]
            """);
        (await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct)).ShouldContain("    notify: [night-desk]");

        var (field, token) = await console.FormFieldAsync("/subscribers", ct);
        foreach (var unknown in new[] { "pauses", "7" })
        {
            using var refused = await console.PostFormAsync("/subscribers/desk/lift", [new(field, token), new("kind", unknown)], ct);
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            Uri.UnescapeDataString(refused.Headers.Location!.ToString()).ShouldContain($"No choice kind '{unknown}'");
        }
        using (var still = JsonDocument.Parse(await console.Http.GetStringAsync("/api/subscribers", ct)))
            still.RootElement.GetProperty("subscribers").EnumerateArray().ShouldContain(s => s.GetProperty("hasChoices").GetBoolean(), "an unknown kind lifts nothing");
        using var lifted = await console.PostFormAsync("/subscribers/desk/lift", [new(field, token), new("kind", "")], ct);
        lifted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        using var after = JsonDocument.Parse(await console.Http.GetStringAsync("/api/subscribers", ct));
        after.RootElement.GetProperty("subscribers").EnumerateArray().ShouldAllBe(s => !s.GetProperty("hasChoices").GetBoolean());
    }
}
