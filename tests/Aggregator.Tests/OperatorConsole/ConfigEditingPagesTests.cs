using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aggregator.Tests.Support;

namespace Aggregator.Tests.OperatorConsole;

/// <summary>
/// Console edits through the real executable, form post by form post: offered as a <c>git apply</c>-able patch when
/// the files are not to be written, recorded with who made them, new entries in a file the operator picks, deletions
/// with their comment, forged posts refused.
/// </summary>
public sealed partial class ConfigEditingPagesTests
{
    private const string Settings = """
        settings:
          console:
            listen: "127.0.0.1:0"
            auth: { mode: proxy, proxy: { trustedNetworks: ["127.0.0.0/8"] } }
        """;

    private const string Rules = """
        rules:
          # Anything about troops near a border.
          - id: border
            query: troops AND border
            notify: [desk]

          # Ports, for the shipping desk.
          - id: ports
            query: "harbour OR port"
            notify: [desk]
        """;

    private const string Subscribers = """
        subscribers:
          - id: desk
            email: [desk@example.org]
        """;

    [Fact]
    public async Task With_configWrites_patch_a_save_offers_a_patch_that_git_applies_and_leaves_the_file_alone()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings);
        using var console = await StartAsync(work, ct);
        var before = await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct);

        var (status, html) = await SaveAsync(console, "/rules/border/edit", [new("query", "troops AND (border OR frontier)"), new("notify", "desk"), new("enabled", "true")], ct);

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("configWrites is patch, so rules.yaml was not written");
        (await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct)).ShouldBe(before);
        var id = long.Parse(ChangeLink().Match(html).Groups["id"].Value, System.Globalization.CultureInfo.InvariantCulture);
        var patch = await console.Http.GetStringAsync($"/config/changes/{id}/patch", ct);
        patch.ShouldStartWith("diff --git a/rules.yaml b/rules.yaml\n");

        using var repository = new TempDirectory();
        File.Copy(work.Combine("config", "rules.yaml"), repository.Combine("rules.yaml"));
        repository.Write("change.patch", patch);
        Git(repository.Path, "apply", "change.patch");
        (await File.ReadAllTextAsync(repository.Combine("rules.yaml"), ct))
            .ShouldBe(before.Replace("query: troops AND border", "query: troops AND (border OR frontier)", StringComparison.Ordinal));

        using var config = JsonDocument.Parse(await console.Http.GetStringAsync("/api/config", ct));
        var change = config.RootElement.GetProperty("changes").EnumerateArray().Single();
        change.GetProperty("operator").GetString().ShouldBe("ann@example.org");
        change.GetProperty("file").GetString().ShouldBe("rules.yaml");
        change.GetProperty("mode").GetString().ShouldBe("patch");
        change.GetProperty("outcome").GetString().ShouldBe("offered");
        using var status2 = JsonDocument.Parse(await console.Http.GetStringAsync("/api/status", ct));
        status2.RootElement.GetProperty("configChanges").GetProperty("offered").GetInt64().ShouldBe(1, "status --json counts the change");
    }

    [Fact]
    public async Task A_new_rule_goes_into_the_file_the_operator_picks_and_a_deleted_rule_takes_its_comment_along()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings.Replace("auth:", "configWrites: direct\n    auth:", StringComparison.Ordinal));
        using var console = await StartAsync(work, ct);

        var (created, html) = await SaveAsync(console, "/rules/new",
            [new("id", "floods"), new("file", "weather.yaml"), new("query", "flood OR \"heavy rain\""), new("notify", "desk"), new("enabled", "true")], ct);

        created.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("Saved to weather.yaml; the reload accepted it.");
        (await File.ReadAllTextAsync(work.Combine("config", "weather.yaml"), ct)).ShouldBe("""
            rules:
              - id: floods
                query: flood OR "heavy rain"
                notify: [desk]

            """.Replace("\r\n", "\n", StringComparison.Ordinal));
        using (var rules = JsonDocument.Parse(await console.Http.GetStringAsync("/api/rules", ct)))
            rules.RootElement.EnumerateArray().Select(r => r.GetProperty("id").GetString()).ShouldContain("floods", "the reload put the new rule in force");

        var (deleted, page) = await SaveAsync(console, "/rules/border/delete", [], ct);

        deleted.ShouldBe(HttpStatusCode.OK, page);
        (await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct)).ShouldBe("""
            rules:
              # Ports, for the shipping desk.
              - id: ports
                query: "harbour OR port"
                notify: [desk]
            """);
    }

    [Fact]
    public async Task Feeds_and_subscribers_are_edited_in_their_own_style_and_a_cleared_field_removes_its_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings.Replace("auth:", "configWrites: direct\n    auth:", StringComparison.Ordinal));
        work.Write("config/world.xml", "<rss version=\"2.0\"><channel><title>World</title></channel></rss>");
        const string Feeds = """
            feeds:
              - id: world   # the local sample
                url: world.xml
                every: 5m
                tags:
                  - news
                  - sample
            """;
        work.Write("config/feeds.yaml", Feeds);
        using var console = await StartAsync(work, ct);

        var (feed, feedPage) = await SaveAsync(console, "/feeds/world/edit",
            [new("url", "world.xml"), new("every", ""), new("cron", "0 0/10 * * * ?"), new("tags", "news, sample, europe"), new("firstPoll", "")], ct);
        var (subscriber, subscriberPage) = await SaveAsync(console, "/subscribers/desk/edit",
            [new("email", "desk@example.org, night@example.org"), new("digest", "daily 08:00"), new("timezone", "Europe/London")], ct);

        feed.ShouldBe(HttpStatusCode.OK, feedPage);
        feedPage.ShouldContain("the reload accepted it");
        (await File.ReadAllTextAsync(work.Combine("config", "feeds.yaml"), ct)).ShouldBe("""
            feeds:
              - id: world   # the local sample
                url: world.xml
                tags:
                  - news
                  - sample
                  - europe
                cron: 0 0/10 * * * ?
            """);
        subscriber.ShouldBe(HttpStatusCode.OK, subscriberPage);
        (await File.ReadAllTextAsync(work.Combine("config", "subscribers.yaml"), ct)).ShouldBe("""
            subscribers:
              - id: desk
                email: [desk@example.org, night@example.org]
                digest: daily 08:00
                timezone: Europe/London
            """);
    }

    [Fact]
    public async Task Unticking_enabled_disables_a_rule_in_its_file_and_ticking_it_again_removes_the_key()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings.Replace("auth:", "configWrites: direct\n    auth:", StringComparison.Ordinal));
        using var console = await StartAsync(work, ct);
        var before = await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct);

        var (disabled, page) = await SaveAsync(console, "/rules/ports/edit", [new("query", "harbour OR port"), new("notify", "desk")], ct);

        disabled.ShouldBe(HttpStatusCode.OK, page);
        (await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct)).ShouldBe(before + "\n    enabled: false", "the key goes after the entry's last one");
        using (var rules = JsonDocument.Parse(await console.Http.GetStringAsync("/api/rules", ct)))
            rules.RootElement.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "ports").GetProperty("enabled").GetBoolean().ShouldBeFalse();

        var (enabled, again) = await SaveAsync(console, "/rules/ports/edit", [new("query", "harbour OR port"), new("notify", "desk"), new("enabled", "true")], ct);

        enabled.ShouldBe(HttpStatusCode.OK, again);
        (await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct)).ShouldBe(before);
    }

    [Fact]
    public async Task A_form_posted_without_its_antiforgery_token_changes_nothing()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings.Replace("auth:", "configWrites: direct\n    auth:", StringComparison.Ordinal));
        using var console = await StartAsync(work, ct);
        var before = await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct);
        var html = await console.Http.GetStringAsync("/rules/border/edit", ct);

        using var forged = await console.PostFormAsync("/rules/border/edit",
            [new("base", BaseHash().Match(html).Groups["hash"].Value), new("file", "rules.yaml"), new("query", "anything"), new("action", "save")], ct);

        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await File.ReadAllTextAsync(work.Combine("config", "rules.yaml"), ct)).ShouldBe(before);
        using var config = JsonDocument.Parse(await console.Http.GetStringAsync("/api/config", ct));
        config.RootElement.GetProperty("changes").GetArrayLength().ShouldBe(0);
    }

    [Theory]
    [InlineData("../escape.yaml")]
    [InlineData("/tmp/escape.yaml")]
    [InlineData(".hidden.yaml")]
    [InlineData("rules.txt")]
    public async Task A_new_entry_goes_only_into_a_config_file_of_the_directory(string file)
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings.Replace("auth:", "configWrites: direct\n    auth:", StringComparison.Ordinal));
        using var console = await StartAsync(work, ct);

        var (status, html) = await SaveAsync(console, "/rules/new", [new("id", "escape"), new("file", file), new("query", "x"), new("notify", "desk")], ct);

        status.ShouldBe(HttpStatusCode.UnprocessableContent, html);
        html.ShouldContain("is not a config file name");
        Directory.GetFiles(work.Path, "escape*", SearchOption.AllDirectories).ShouldBeEmpty();
        File.Exists("/tmp/escape.yaml").ShouldBeFalse();
        Directory.GetFiles(work.Combine("config")).Select(Path.GetFileName).Order().ShouldBe(["aggregator.yaml", "rules.yaml", "subscribers.yaml"]);
    }

    [Fact]
    public async Task A_read_only_config_directory_turns_direct_writes_into_patches()
    {
        var ct = TestContext.Current.CancellationToken;
        using var work = Work(Settings.Replace("auth:", "configWrites: direct\n    auth:", StringComparison.Ordinal));
        using var mount = ReadOnlyMount.Over(work.Combine("config"));
        if (mount is null) Assert.Skip("cannot mount the config directory read-only here (needs root and mount --bind); the container image is the case this covers");
        using var console = await StartAsync(work, ct);

        (await console.Http.GetStringAsync("/rules/border/edit", ct)).ShouldContain("The config directory is read-only");
        var (status, html) = await SaveAsync(console, "/rules/border/edit", [new("query", "troops"), new("notify", "desk"), new("enabled", "true")], ct);

        status.ShouldBe(HttpStatusCode.OK, html);
        html.ShouldContain("The config directory is read-only, so rules.yaml was not written");
        html.ShouldContain("+    query: troops");
    }

    private static TempDirectory Work(string settings)
    {
        var work = new TempDirectory();
        work.Write("config/aggregator.yaml", settings);
        work.Write("config/rules.yaml", Rules);
        work.Write("config/subscribers.yaml", Subscribers);
        return work;
    }

    private static async Task<ConsoleWorker> StartAsync(TempDirectory work, CancellationToken ct)
    {
        var console = await ConsoleWorker.StartAsync(work, null, ct);
        console.Http.DefaultRequestHeaders.Add("X-Auth-Request-Email", "ann@example.org");
        return console;
    }

    /// <summary>Loads the form at <paramref name="path"/> (for <c>/delete</c>, the rule's edit page) and saves it with <paramref name="fields"/>.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> SaveAsync(
        ConsoleWorker console, string path, IReadOnlyList<KeyValuePair<string, string>> fields, CancellationToken ct)
    {
        var formPage = path.EndsWith("/delete", StringComparison.Ordinal) ? path.Replace("/delete", "/edit", StringComparison.Ordinal) : path;
        var html = await console.Http.GetStringAsync(formPage, ct);
        var (name, value) = (FormField().Match(html).Groups["name"].Value, WebUtility.HtmlDecode(FormField().Match(html).Groups["value"].Value));
        List<KeyValuePair<string, string>> form = [new(name, value), new("base", BaseHash().Match(html).Groups["hash"].Value), new("action", "save")];
        if (!fields.Any(f => f.Key == "file")) form.Add(new("file", FileField().Match(html).Groups["file"].Value));
        if (BaseFileField().Match(html) is { Success: true } baseFile) form.Add(new("basefile", baseFile.Groups["file"].Value));
        form.AddRange(fields);
        using var response = await console.PostFormAsync(path, form, ct);
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync(ct)));
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var git = Process.Start(start)!;
        var error = git.StandardError.ReadToEnd();
        git.WaitForExit();
        git.ExitCode.ShouldBe(0, error);
    }

    [GeneratedRegex("""name="(?<name>__RequestVerificationToken)" value="(?<value>[^"]*)" """)]
    private static partial Regex FormField();

    [GeneratedRegex("name=\"base\" value=\"(?<hash>[0-9a-f]{64})\"")]
    private static partial Regex BaseHash();

    [GeneratedRegex("type=\"hidden\" name=\"file\" value=\"(?<file>[^\"]+)\"")]
    private static partial Regex FileField();

    [GeneratedRegex("name=\"basefile\" value=\"(?<file>[^\"]+)\"")]
    private static partial Regex BaseFileField();

    [GeneratedRegex("href=\"/config/changes/(?<id>\\d+)\"")]
    private static partial Regex ChangeLink();
}
