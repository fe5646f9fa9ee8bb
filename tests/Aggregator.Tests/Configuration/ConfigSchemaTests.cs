using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Aggregator.Configuration;
using Aggregator.Configuration.Schema;
using Aggregator.Core;
using Aggregator.Core.Alerts;
using Aggregator.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Tests.Configuration;

public sealed class ConfigSchemaTests
{
    private const string Modeline = "# yaml-language-server: $schema=./aggregator.schema.json";

    /// <summary>Every key the loader knows, each set once (every/cron and secret/secrets are exclusive, so two entries each).</summary>
    private const string EveryKey = """
        settings:
          storage: { provider: sqlite, connectionString: "Data Source=data/x.db" }
          scheduler: { clustered: false }
          polling: { defaultEvery: 15m, minEvery: 1m, timeout: 30s, maxBodySize: 15MiB, maxRedirects: 5, perHostConcurrency: 2, concurrency: 256 }
          network: { allowPrivateNetworks: false, allowedPrivateNetworks: ["127.0.0.1/32"] }
          alerts: { maxItemAge: 7d, operators: [ops], feedFailingAfter: 5, feedSilentAfter: 2d, storyWindow: 48h }
          telemetry: { otlpEndpoint: "http://127.0.0.1:4318", logFormat: json, ruleMetrics: true }
          delivery: { retryInitial: 30s, retryMax: 1h, maxAge: 72h }
          smtp: { host: smtp.example.org, port: 587, security: starttls, username: "${SMTP_USER:-}", password: "${SMTP_PASSWORD}", from: "Aggregator <a@example.org>", pickupDirectory: data/mail }
          console:
            listen: "127.0.0.1:8080"
            auth:
              mode: token
              token: "${CONSOLE_TOKEN:-}"
              oidc: { authority: "https://id.example.org/realms/ops", clientId: aggregator, clientSecret: "${OIDC_SECRET:-}", allow: ["group:ops"] }
              proxy: { header: X-Auth-Request-Email, trustedNetworks: ["10.0.0.0/8"] }
            configWrites: patch
            archive: { keep: 7d }
          public: { baseUrl: "https://alerts.example.org", listen: "127.0.0.1:8081", linkSecret: "${LINK_SECRET:-0123456789abcdef0123456789abcdef}", unsubscribeAddress: unsubscribe@example.org }
        feeds:
          - { id: world, url: "https://feeds.example.org/world.xml", every: 5m, tags: [news], firstPoll: notify }
          - { id: local, url: "https://feeds.example.org/local.xml", cron: "0 0/5 * * * ?" }
        rules:
          - { id: border, query: troops AND border, feeds: [world, "tag:news"], notify: [ops, hook, hooks], enabled: true }
        subscribers:
          - { id: ops, email: [ops@example.org], digest: daily 08:00, timezone: Europe/London, stories: every }
          - { id: hook, webhook: { url: "https://hooks.example.org/a", secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" } }
          - { id: hooks, webhook: { url: "https://hooks.example.org/b", secrets: ["whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"] } }
        """;

    [Fact]
    public void The_checked_in_schema_is_the_generated_one()
    {
        var file = Path.Combine(RepoPaths.BundledConfig, ConfigSchema.FileName);
        var generated = ConfigSchema.Serialize();
        var checkedIn = File.Exists(file) ? File.ReadAllText(file).ReplaceLineEndings("\n") : "(missing)";
        checkedIn.ShouldBe(generated, $"config/{ConfigSchema.FileName} is out of date with the option types: regenerate it with " +
            "dotnet run --project src/Aggregator -- schema > config/aggregator.schema.json, then review and commit the diff");
    }

    [Fact]
    public void The_schema_lists_exactly_the_keys_the_loader_accepts()
    {
        var loaderKeys = new SortedSet<string>(StringComparer.Ordinal);
        loaderKeys.UnionWith(ConfigLoader.Sections);
        foreach (var (group, keys) in SettingsSection.Groups)
            loaderKeys.UnionWith([$"settings.{group}", .. keys.Select(k => $"settings.{group}.{k}")]);
        foreach (var (path, keys) in ConsoleSettings.NestedKeys)
            loaderKeys.UnionWith(keys.Select(k => $"{path}.{k}"));
        loaderKeys.UnionWith(FeedsSection.Keys.Select(k => $"feeds.{k}"));
        loaderKeys.UnionWith(RulesSection.Keys.Select(k => $"rules.{k}"));
        loaderKeys.UnionWith(SubscribersSection.Keys.Select(k => $"subscribers.{k}"));
        loaderKeys.UnionWith(SubscribersSection.WebhookKeys.Select(k => $"subscribers.webhook.{k}"));

        SchemaKeyPaths.Of(ConfigSchema.Generate()).ShouldBe(loaderKeys);
    }

    [Fact]
    public void A_file_that_sets_every_schema_key_loads_without_a_problem()
    {
        using var dir = new TempConfigDirectory();
        dir.Environment["SMTP_PASSWORD"] = "secret";
        dir.Write("all.yaml", EveryKey);

        var yaml = new YamlStream();
        yaml.Load(new StringReader(EveryKey));
        SchemaKeyPaths.Of(yaml.Documents[0].RootNode).ShouldBe(SchemaKeyPaths.Of(ConfigSchema.Generate()));
        dir.LoadLines().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("", "sources", "sources: []")]
    [InlineData("settings.polling", "interval", "settings:\n  polling:\n    interval: 5m")]
    [InlineData("feeds", "name", "feeds:\n  - id: a\n    url: https://example.org/a.xml\n    name: A")]
    [InlineData("subscribers.webhook", "token", "subscribers:\n  - id: a\n    webhook: { url: \"https://example.org/h\", secret: \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\", token: x }")]
    public void Unknown_keys_are_refused_by_the_loader_and_the_schema(string parent, string key, string yaml)
    {
        using var dir = new TempConfigDirectory();
        dir.Write("bad.yaml", yaml);

        dir.LoadLines().ShouldContain(line => line.Contains($"error: unknown key '{key}'", StringComparison.Ordinal));
        var schema = SchemaKeyPaths.At(ConfigSchema.Generate(), parent);
        schema["additionalProperties"]!.GetValue<bool>().ShouldBeFalse();
        schema["properties"]!.AsObject().ContainsKey(key).ShouldBeFalse();
    }

    [Fact]
    public void Every_object_of_the_schema_refuses_unknown_keys()
    {
        var objects = Objects(ConfigSchema.Generate()).ToList();

        objects.Count.ShouldBeGreaterThan(10);
        objects.ShouldAllBe(o => o["additionalProperties"] != null && !o["additionalProperties"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("duration", new[] { "500ms", "30s", "5m", "2h", "7d", "1.5h" }, new[] { "5", "5 minutes", "m", "-5m", "5M" })]
    [InlineData("digest", new[] { "immediate", "every 1h", "daily 08:00", "daily 8:00", "weekly mon 08:00", "weekly sunday 23:59" }, new[] { "hourly", "daily 25:00", "weekly 08:00", "every" })]
    [InlineData("id", new[] { "ops", "world-news", "a_1", "9x" }, new[] { "Ops", "-a", "a b", "" })]
    [InlineData("feedReference", new[] { "world", "tag:news" }, new[] { "tag:", "Tag:news" })]
    [InlineData("httpUrl", new[] { "https://hooks.example.org/a", "http://127.0.0.1:4318" }, new[] { "ftp://example.org/", "hooks.example.org", "https://" })]
    [InlineData("secret", new[] { "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw" }, new[] { "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "whsec_" })]
    public void Patterns_accept_what_the_loader_accepts_and_any_environment_reference(string definition, string[] valid, string[] invalid)
    {
        var pattern = new Regex(ConfigSchema.Generate()["definitions"]![definition]!["pattern"]!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1));

        foreach (var value in valid)
        {
            pattern.IsMatch(value).ShouldBeTrue(value);
            LoaderAccepts(definition, value).ShouldBeTrue(value);
        }
        foreach (var value in invalid)
        {
            pattern.IsMatch(value).ShouldBeFalse(value);
            LoaderAccepts(definition, value).ShouldBeFalse(value);
        }
        pattern.IsMatch("${VALUE}").ShouldBeTrue();
        pattern.IsMatch("prefix-${VALUE:-x}").ShouldBeTrue();
    }

    [Fact]
    public void Choices_are_the_contracts_lowercase_words()
    {
        var settings = ConfigSchema.Generate()["properties"]!["settings"]!["properties"]!;
        Words(settings["storage"]!["properties"]!["provider"]!).ShouldBe(["sqlite", "postgres"]);
        Words(settings["smtp"]!["properties"]!["security"]!).ShouldBe(["auto", "starttls", "ssl", "none"]);
        Words(settings["telemetry"]!["properties"]!["logFormat"]!).ShouldBe(["text", "json"]);
        Words(settings["console"]!["properties"]!["configWrites"]!).ShouldBe(["patch", "direct"]);
        Words(settings["console"]!["properties"]!["auth"]!["properties"]!["mode"]!).ShouldBe(["token", "oidc", "proxy", "none"]);
        var feed = SchemaKeyPaths.At(ConfigSchema.Generate(), "feeds");
        Words(feed["properties"]!["firstPoll"]!).ShouldBe(["baseline", "notify"]);
    }

    [Fact]
    public void Every_bundled_config_file_names_the_schema_on_its_first_line()
    {
        var files = Directory.GetFiles(RepoPaths.BundledConfig, "*.yaml");

        files.ShouldNotBeEmpty();
        foreach (var file in files) File.ReadLines(file).First().ShouldBe(Modeline, Path.GetFileName(file));
        new ConfigLoader().Load(RepoPaths.BundledConfig).Diagnostics.ShouldNotContain(d => d.Severity == ConfigSeverity.Error);
    }

    private static bool LoaderAccepts(string definition, string value) => definition switch
    {
        "duration" => Durations.TryParse(value, out var span) && span > TimeSpan.Zero,
        "digest" => DigestSchedule.TryParse(value, out _, out _),
        "id" => IdRegistry.IsValid(value),
        "httpUrl" => Urls.IsHttp(value, out _),
        "feedReference" => IdRegistry.IsValid(value.StartsWith("tag:", StringComparison.Ordinal) ? value[4..] : value),
        _ => value.StartsWith("whsec_", StringComparison.Ordinal) && value.Length > 6,
    };

    private static IEnumerable<string> Words(JsonNode choice) =>
        choice["anyOf"]![0]!["enum"]!.AsArray().Select(w => w!.GetValue<string>());

    private static IEnumerable<JsonObject> Objects(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            if (obj["type"] is JsonValue type && type.GetValue<string>() == "object") yield return obj;
            foreach (var (_, child) in obj)
                foreach (var found in child is null ? [] : Objects(child)) yield return found;
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
                foreach (var found in child is null ? [] : Objects(child)) yield return found;
        }
    }
}
