namespace Aggregator.Configuration.Schema;

/// <summary>What an editor shows for each key, by its path in the YAML (list entries have no index).</summary>
internal static class SchemaDescriptions
{
    private static readonly Dictionary<string, string> Text = new(StringComparer.Ordinal)
    {
        ["settings"] = "Worker settings. Every key has a default; files may split settings, but a key may be set only once.",
        ["settings.storage"] = "Where feed state, seen items and the outbox are kept.",
        ["settings.storage.provider"] = "sqlite (default, a file under ./data) or postgres.",
        ["settings.storage.connectionString"] = "For SQLite a relative Data Source is relative to the working directory.",
        ["settings.scheduler"] = "The Quartz scheduler.",
        ["settings.scheduler.clustered"] = "Several run processes share the work; needs storage provider postgres.",
        ["settings.polling"] = "How feeds are fetched.",
        ["settings.polling.defaultEvery"] = "Interval of feeds that set neither every nor cron.",
        ["settings.polling.minEvery"] = "Floor for every feed's interval, whatever the feed asks for.",
        ["settings.polling.timeout"] = "One deadline for the whole request, body included.",
        ["settings.polling.maxBodySize"] = "Largest accepted body, counted after decompression.",
        ["settings.polling.maxRedirects"] = "Redirects followed per request (0 to 50).",
        ["settings.polling.perHostConcurrency"] = "Requests in flight to one host at a time.",
        ["settings.network"] = "Which addresses feeds may resolve to.",
        ["settings.network.allowPrivateNetworks"] = "Loopback, RFC 1918, link-local, CGNAT, ULA... are refused unless this is true.",
        ["settings.network.allowedPrivateNetworks"] = "CIDRs let through even when private networks are refused, e.g. 127.0.0.1/32.",
        ["settings.alerts"] = "Which items are alerted, and who hears about trouble.",
        ["settings.alerts.maxItemAge"] = "Items published longer ago than this are recorded as seen and never alerted.",
        ["settings.alerts.operators"] = "Subscribers told about failing feeds and dead-lettered deliveries.",
        ["settings.telemetry"] = "Metrics and logs.",
        ["settings.telemetry.otlpEndpoint"] = "OpenTelemetry OTLP/HTTP endpoint for metrics (http or https URL); empty means off.",
        ["settings.telemetry.logFormat"] = "Console log format: text or json.",
        ["settings.delivery"] = "Retries of email and webhook deliveries.",
        ["settings.delivery.retryInitial"] = "First retry delay; then exponential backoff with jitter.",
        ["settings.delivery.retryMax"] = "Longest retry delay.",
        ["settings.delivery.maxAge"] = "An alert not delivered within this time of being queued is dead-lettered and reported.",
        ["settings.smtp"] = "The mail server for email subscribers.",
        ["settings.smtp.host"] = "Empty: mail is written as .eml files to pickupDirectory.",
        ["settings.smtp.port"] = "The mail server's port.",
        ["settings.smtp.security"] = "auto, starttls, ssl or none.",
        ["settings.smtp.username"] = "Login name; keep it in the environment: ${SMTP_USER:-}.",
        ["settings.smtp.password"] = "Password; keep it in the environment: ${SMTP_PASSWORD:-}.",
        ["settings.smtp.from"] = "The From address, e.g. \"Aggregator <alerts@example.org>\".",
        ["settings.smtp.pickupDirectory"] = "Where mail goes when no host is set; relative to the working directory.",
        ["feeds"] = "The feeds to poll.",
        ["feeds.id"] = "The feed's id, used by rules and in alerts.",
        ["feeds.url"] = "An http(s) URL, or a file path relative to the config directory.",
        ["feeds.every"] = "Poll interval (raised to settings.polling.minEvery); set every or cron, not both.",
        ["feeds.cron"] = "A Quartz cron expression, e.g. \"0 0/5 * * * ?\", instead of every.",
        ["feeds.tags"] = "Tags that rules can refer to as tag:<tag>.",
        ["feeds.firstPoll"] = "baseline (default): record the items present at the first poll silently; notify: alert on them too.",
        ["rules"] = "Keyword rules matched against new items.",
        ["rules.id"] = "The rule's id, shown in alert subjects.",
        ["rules.query"] = "A query such as troops AND border (see README, query language).",
        ["rules.feeds"] = "Feed ids and tag:<tag> references; leave the key out for every feed.",
        ["rules.notify"] = "Subscriber ids to alert.",
        ["subscribers"] = "Who receives alerts, how, and how often.",
        ["subscribers.id"] = "The subscriber's id, used by rules' notify lists.",
        ["subscribers.email"] = "Email addresses.",
        ["subscribers.webhook"] = "A Standard Webhooks endpoint.",
        ["subscribers.webhook.url"] = "The http(s) URL alerts are POSTed to.",
        ["subscribers.webhook.secret"] = "The signing secret, whsec_ followed by base64.",
        ["subscribers.webhook.secrets"] = "Several signing secrets, for key rotation: every message is signed with each.",
        ["subscribers.digest"] = "immediate, every 1h, daily 08:00 or weekly mon 08:00.",
        ["subscribers.timezone"] = "IANA time zone of daily and weekly digests, e.g. Europe/London (default UTC).",
    };

    /// <summary>The description of the key at <paramref name="path"/>; every key has one.</summary>
    public static string For(string path) =>
        Text.TryGetValue(path, out var text) ? text : throw new InvalidOperationException($"no schema description for '{path}'");
}
