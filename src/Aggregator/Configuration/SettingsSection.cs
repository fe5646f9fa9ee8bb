using System.Net;
using YamlDotNet.RepresentationModel;

namespace Aggregator.Configuration;

/// <summary>
/// Builds <see cref="SettingsOptions"/> from the <c>settings</c> sections of every file. Files may split
/// settings between them, but one key set in two places is an error naming both.
/// </summary>
internal sealed class SettingsSection
{
    internal static readonly Dictionary<string, string[]> Groups = new(StringComparer.Ordinal)
    {
        ["storage"] = ["provider", "connectionString"],
        ["scheduler"] = ["clustered"],
        ["polling"] = ["defaultEvery", "minEvery", "timeout", "maxBodySize", "maxRedirects", "perHostConcurrency", "concurrency"],
        ["network"] = ["allowPrivateNetworks", "allowedPrivateNetworks"],
        ["alerts"] = ["maxItemAge", "operators", "feedFailingAfter", "feedSilentAfter", "storyWindow"],
        ["telemetry"] = ["otlpEndpoint", "logFormat", "ruleMetrics"],
        ["delivery"] = ["retryInitial", "retryMax", "maxAge"],
        ["smtp"] = ["host", "port", "security", "username", "password", "from", "pickupDirectory"],
        ["console"] = ["listen", "auth", "configWrites", "archive"],
        ["public"] = ["baseUrl", "listen", "linkSecret", "unsubscribeAddress"],
    };

    private readonly Dictionary<string, SourceLocation> _set = new(StringComparer.Ordinal);

    public SettingsOptions Value { get; private set; } = new();

    /// <summary><c>alerts.operators</c> as written, checked against the subscribers once every file is read.</summary>
    public IReadOnlyList<Located<string>> Operators { get; private set; } = [];

    /// <summary>Where a key was set, for checks that involve several keys.</summary>
    public SourceLocation? Where(string path) => _set.TryGetValue(path, out var at) ? at : null;

    public void Read(YamlNode node, ConfigNodeReader r)
    {
        if (r.Mapping(node, "settings") is not { } settings) return;
        foreach (var (group, _, groupNode) in r.Entries(settings, "settings", Groups.Keys))
        {
            if (r.Mapping(groupNode, $"settings.{group}") is not { } mapping) continue;
            foreach (var (key, keyNode, value) in r.Entries(mapping, $"settings.{group}", Groups[group]))
            {
                var path = $"settings.{group}.{key}";
                if (_set.TryGetValue(path, out var first))
                {
                    r.Error(keyNode, $"{path} is already set at {first}");
                    continue;
                }
                _set[path] = r.At(keyNode);
                Value = Apply(group, key, value, path, r);
            }
        }
    }

    /// <summary>Checks that involve several keys, possibly set in different files; returns the settings in force.</summary>
    public SettingsOptions Finish(DiagnosticBag diagnostics)
    {
        var s = Value;
        if (s.Scheduler.Clustered && s.Storage.Provider == StorageProvider.Sqlite && Where("settings.scheduler.clustered") is { } clustered)
            diagnostics.Error(clustered, "settings.scheduler.clustered needs settings.storage.provider: postgres (a SQLite store cannot be shared)");
        if (s.Storage.Provider == StorageProvider.Postgres && Where("settings.storage.connectionString") is null && Where("settings.storage.provider") is { } provider)
            diagnostics.Error(provider, "settings.storage.provider postgres needs settings.storage.connectionString");
        if (Where("settings.storage.connectionString") is { } connectionAt && ConnectionStringProblem(s.Storage) is { } problem)
            diagnostics.Error(connectionAt, $"settings.storage.connectionString is not a valid {s.Storage.Provider.ToString().ToLowerInvariant()} connection string: {problem}");
        if (s.Delivery.RetryMax < s.Delivery.RetryInitial && (Where("settings.delivery.retryMax") ?? Where("settings.delivery.retryInitial")) is { } retry)
            diagnostics.Error(retry, "settings.delivery.retryMax must not be less than settings.delivery.retryInitial");
        ConsoleSettings.Check(s.Console, Where, diagnostics);
        PublicSettings.Check(s, Where, diagnostics);
        if (s.Polling.DefaultEvery < s.Polling.MinEvery)
        {
            var at = Where("settings.polling.defaultEvery") ?? Where("settings.polling.minEvery");
            if (at is { } defaultAt)
                diagnostics.Warning(defaultAt, $"settings.polling.defaultEvery ({Core.Durations.Format(s.Polling.DefaultEvery)}) is below settings.polling.minEvery ({Core.Durations.Format(s.Polling.MinEvery)}); feeds without an interval are polled every {Core.Durations.Format(s.Polling.MinEvery)}");
            s = s with { Polling = s.Polling with { DefaultEvery = s.Polling.MinEvery } };
        }
        return s;
    }

    /// <summary>What the provider's own parser says of the connection string, so a typo is found by check-config, not at start.</summary>
    private static string? ConnectionStringProblem(StorageOptions storage)
    {
        try
        {
            if (storage.Provider == StorageProvider.Postgres) ParsePostgres(storage.ConnectionString);
            else ParseSqlite(storage.ConnectionString);
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException or KeyNotFoundException)
        {
            // Parsers quote the offending text; only the first sentence, on one line, is kept.
            return Excerpt.Quote(e.Message.Split(". ", 2)[0]).Trim('\'');
        }
    }

    // Each provider's parser in a method of its own: a SQLite worker never loads Npgsql.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ParsePostgres(string connectionString) => _ = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ParseSqlite(string connectionString) => _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);

    private SettingsOptions Apply(string group, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        var s = Value;
        return group switch
        {
            "storage" => s with { Storage = ApplyStorage(s.Storage, key, v, what, r) },
            "scheduler" => r.Boolean(v, what) is { } clustered ? s with { Scheduler = new() { Clustered = clustered } } : s,
            "polling" => s with { Polling = ApplyPolling(s.Polling, key, v, what, r) },
            "network" => s with { Network = ApplyNetwork(s.Network, key, v, what, r) },
            "alerts" => s with { Alerts = ApplyAlerts(s.Alerts, key, v, what, r) },
            "telemetry" => s with { Telemetry = ApplyTelemetry(s.Telemetry, key, v, what, r) },
            "delivery" => s with { Delivery = ApplyDelivery(s.Delivery, key, v, what, r) },
            "console" => s with { Console = ConsoleSettings.Apply(s.Console, key, v, what, r) },
            "public" => s with { Public = PublicSettings.Apply(s.Public, key, v, what, r) },
            _ => s with { Smtp = ApplySmtp(s.Smtp, key, v, what, r) },
        };
    }

    private static StorageOptions ApplyStorage(StorageOptions o, string key, YamlNode v, string what, ConfigNodeReader r) => key switch
    {
        "provider" => r.Choice<StorageProvider>(v, what) is { } p ? o with { Provider = p } : o,
        _ => r.Text(v, what) switch
        {
            null => o,
            "" => Empty(o, v, what, r),
            var cs => o with { ConnectionString = cs },
        },
    };

    private static PollingOptions ApplyPolling(PollingOptions o, string key, YamlNode v, string what, ConfigNodeReader r) => key switch
    {
        "defaultEvery" => r.Duration(v, what, Ranges.Interval) is { } d ? o with { DefaultEvery = d } : o,
        "minEvery" => r.Duration(v, what, Ranges.Interval) is { } d ? o with { MinEvery = d } : o,
        "timeout" => r.Duration(v, what, Ranges.Timeout) is { } d ? o with { Timeout = d } : o,
        "maxBodySize" => r.Size(v, what, Ranges.MaxBodySize) is { } b ? o with { MaxBodySize = b } : o,
        "maxRedirects" => r.Integer(v, what, 0, 50) is { } n ? o with { MaxRedirects = n } : o,
        "concurrency" => r.Integer(v, what, 1, 10_000) is { } n ? o with { Concurrency = n } : o,
        _ => r.Integer(v, what, 1, 1000) is { } n ? o with { PerHostConcurrency = n } : o,
    };

    private static NetworkOptions ApplyNetwork(NetworkOptions o, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        if (key == "allowPrivateNetworks") return r.Boolean(v, what) is { } allow ? o with { AllowPrivateNetworks = allow } : o;
        if (r.List(v, what) is not { } items) return o;
        var networks = new List<IPNetwork>();
        foreach (var item in items)
        {
            if (Cidr.TryParse(item.Value, out var network, out var error)) networks.Add(network);
            else r.Diagnostics.Error(item.At, error);
        }
        return o with { AllowedPrivateNetworks = networks };
    }

    private AlertOptions ApplyAlerts(AlertOptions o, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        if (key == "maxItemAge") return r.Duration(v, what, Ranges.MaxItemAge) is { } age ? o with { MaxItemAge = age } : o;
        if (key == "feedFailingAfter") return r.Integer(v, what, 1, 10_000) is { } n ? o with { FeedFailingAfter = n } : o;
        if (key == "storyWindow")
        {
            if (v is YamlScalarNode { Value: "off" }) return o with { StoryWindow = null };
            return r.Duration(v, what, Ranges.StoryWindow) is { } window ? o with { StoryWindow = window } : o;
        }
        if (key == "feedSilentAfter") return r.Duration(v, what, Ranges.FeedSilentAfter) is { } quiet ? o with { FeedSilentAfter = quiet } : o;
        if (r.List(v, what) is not { } operators) return o;
        Operators = operators;
        return o with { Operators = [.. operators.Select(op => op.Value)] };
    }

    private static TelemetryOptions ApplyTelemetry(TelemetryOptions o, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        if (key == "logFormat") return r.Choice<LogFormat>(v, what) is { } f ? o with { LogFormat = f } : o;
        if (key == "ruleMetrics") return r.Boolean(v, what) is { } perRule ? o with { RuleMetrics = perRule } : o;
        if (r.Text(v, what) is not { } endpoint) return o;
        if (endpoint.Length > 0 && !Urls.IsHttp(endpoint, out _))
        {
            r.Error(v, $"invalid URL {Excerpt.Quote(endpoint)} for {what}: expected an http or https URL, or \"\" for off");
            return o;
        }
        return o with { OtlpEndpoint = endpoint };
    }

    private static DeliveryOptions ApplyDelivery(DeliveryOptions o, string key, YamlNode v, string what, ConfigNodeReader r) => key switch
    {
        "retryInitial" => r.Duration(v, what, Ranges.RetryInitial) is { } d ? o with { RetryInitial = d } : o,
        "retryMax" => r.Duration(v, what, Ranges.RetryMax) is { } d ? o with { RetryMax = d } : o,
        _ => r.Duration(v, what, Ranges.MaxAge) is { } d ? o with { MaxAge = d } : o,
    };

    private static SmtpOptions ApplySmtp(SmtpOptions o, string key, YamlNode v, string what, ConfigNodeReader r)
    {
        switch (key)
        {
            case "port":
                return r.Integer(v, what, 1, 65535) is { } port ? o with { Port = port } : o;
            case "security":
                return r.Choice<SmtpSecurity>(v, what) is { } security ? o with { Security = security } : o;
        }
        if (r.Text(v, what) is not { } text) return o;
        switch (key)
        {
            case "host": return o with { Host = text.Trim() };
            case "username": return o with { Username = text };
            case "password": return o with { Password = text };
            case "pickupDirectory": return text.Length > 0 ? o with { PickupDirectory = text } : Empty(o, v, what, r);
        }
        if (MailAddresses.IsValid(text)) return o with { From = text };
        r.Error(v, $"invalid email address {Excerpt.Quote(text)} for {what}");
        return o;
    }

    private static T Empty<T>(T unchanged, YamlNode v, string what, ConfigNodeReader r)
    {
        r.Error(v, $"{what} must not be empty");
        return unchanged;
    }
}
