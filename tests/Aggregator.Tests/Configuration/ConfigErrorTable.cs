namespace Aggregator.Tests.Configuration;

/// <summary>Mistakes and the exact lines check-config prints for them (file config.yaml; feed.xml exists).</summary>
internal static class ConfigErrorTable
{
    private const string Feed = """
        feeds:
          - id: world
            url: https://feeds.example.org/world.xml
        """;

    private const string Subscriber = """
        subscribers:
          - id: ops
            email: [ops@example.org]
        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        { "unknown key with suggestion", """
            settings:
              polling:
                timout: 30s
            """, "config.yaml:3:5: error: unknown key 'timout' in settings.polling; did you mean 'timeout'?" },
        { "unknown section", """
            feed:
              - id: world
            """, "config.yaml:1:1: error: unknown key 'feed' in the top level (expected settings, feeds, rules or subscribers); did you mean 'feeds'?" },
        { "unknown key in a feed", """
            feeds:
              - id: world
                url: feed.xml
                evry: 5m
            """, "config.yaml:4:5: error: unknown key 'evry' in feed 'world'; did you mean 'every'?" },
        { "mapping expected", """
            settings:
              polling: 5m
            """, "config.yaml:2:12: error: expected a mapping (key: value) for settings.polling, found '5m'" },
        { "list expected", """
            feeds:
              id: world
            """, "config.yaml:2:3: error: expected a list for feeds, found a mapping" },
        { "number expected", """
            settings:
              polling:
                maxRedirects: lots
            """, "config.yaml:3:19: error: invalid value 'lots' for settings.polling.maxRedirects: expected a whole number" },
        { "boolean expected", """
            settings:
              network:
                allowPrivateNetworks: maybe
            """, "config.yaml:3:27: error: invalid value 'maybe' for settings.network.allowPrivateNetworks: expected true or false" },
        { "bad duration", """
            settings:
              polling:
                timeout: 30sec
            """, "config.yaml:3:14: error: invalid duration '30sec' for settings.polling.timeout: expected a number followed by ms, s, m, h or d (e.g. 30s, 5m, 2h)" },
        { "zero duration", """
            settings:
              delivery:
                maxAge: 0s
            """, "config.yaml:3:13: error: settings.delivery.maxAge must be from 1m to 365d, not '0s'" },
        { "bad size", """
            settings:
              polling:
                maxBodySize: 15MB
            """, "config.yaml:3:18: error: invalid size '15MB' for settings.polling.maxBodySize: expected bytes or a number followed by KiB, MiB or GiB (e.g. 512KiB, 15MiB)" },
        { "bad provider", """
            settings:
              storage:
                provider: mysql
            """, "config.yaml:3:15: error: invalid value 'mysql' for settings.storage.provider: expected sqlite or postgres" },
        { "bad security", """
            settings:
              smtp:
                security: tls
            """, "config.yaml:3:15: error: invalid value 'tls' for settings.smtp.security: expected auto, starttls, ssl or none" },
        { "bad log format", """
            settings:
              telemetry:
                logFormat: jsn
            """, "config.yaml:3:16: error: invalid value 'jsn' for settings.telemetry.logFormat: expected text or json; did you mean 'json'?" },
        { "bad firstPoll", """
            feeds:
              - id: world
                url: feed.xml
                firstPoll: notfy
            """, "config.yaml:4:16: error: invalid value 'notfy' for the firstPoll of feed 'world': expected baseline or notify; did you mean 'notify'?" },
        { "port out of range", """
            settings:
              smtp:
                port: 70000
            """, "config.yaml:3:11: error: settings.smtp.port must be between 1 and 65535, not 70000" },
        { "zero concurrency", """
            settings:
              polling:
                perHostConcurrency: 0
            """, "config.yaml:3:25: error: settings.polling.perHostConcurrency must be between 1 and 1000, not 0" },
        { "negative redirects", """
            settings:
              polling:
                maxRedirects: -1
            """, "config.yaml:3:19: error: settings.polling.maxRedirects must be between 0 and 50, not -1" },
        { "retryMax below retryInitial", """
            settings:
              delivery:
                retryInitial: 5m
                retryMax: 1m
            """, "config.yaml:4:5: error: settings.delivery.retryMax must not be less than settings.delivery.retryInitial" },
        { "clustered on sqlite", """
            settings:
              scheduler:
                clustered: true
            """, "config.yaml:3:5: error: settings.scheduler.clustered needs settings.storage.provider: postgres (a SQLite store cannot be shared)" },
        { "postgres without connection string", """
            settings:
              storage:
                provider: postgres
            """, "config.yaml:3:5: error: settings.storage.provider postgres needs settings.storage.connectionString" },
        { "bad smtp from", """
            settings:
              smtp:
                from: "Aggregator <alerts>"
            """, "config.yaml:3:11: error: invalid email address 'Aggregator <alerts>' for settings.smtp.from" },
        { "bad otlp endpoint", """
            settings:
              telemetry:
                otlpEndpoint: collector:4317
            """, "config.yaml:3:19: error: invalid URL 'collector:4317' for settings.telemetry.otlpEndpoint: expected an http or https URL, or \"\" for off" },
        { "bad CIDRs", """
            settings:
              network:
                allowedPrivateNetworks: ["10.0.0.1/8", 300.1.1.1/32, 10.0.0.0/40]
            """, """
            config.yaml:3:30: error: invalid network '10.0.0.1/8': address bits are set beyond the prefix; did you mean '10.0.0.0/8'?
            config.yaml:3:44: error: invalid network '300.1.1.1/32': '300.1.1.1' is not an IP address
            config.yaml:3:58: error: invalid network '10.0.0.0/40': the prefix length must be a number from 0 to 32
            """ },
        { "feed url scheme", """
            feeds:
              - id: world
                url: ftp://feeds.example.org/world.xml
            """, "config.yaml:3:10: error: unsupported scheme 'ftp' in the url of feed 'world': expected http, https or a file path" },
        { "feed url without host", """
            feeds:
              - id: world
                url: "https://"
            """, "config.yaml:3:10: error: invalid URL 'https://' for feed 'world'" },
        { "feed file missing", """
            feeds:
              - id: world
                url: samples/missing.xml
            """, "config.yaml:3:10: error: feed file 'samples/missing.xml' of feed 'world' does not exist (looked for samples/missing.xml)" },
        { "feed without url", """
            feeds:
              - id: world
            """, "config.yaml:2:5: error: feed 'world' has no url" },
        { "feed without id", """
            feeds:
              - url: feed.xml
            """, "config.yaml:2:5: error: feeds[0] has no id" },
        { "invalid id", """
            feeds:
              - id: World_News
                url: feed.xml
            """, "config.yaml:2:9: error: invalid feed id 'World_News': use lowercase letters, digits, '-' and '_', starting with a letter or digit" },
        { "invalid tag", """
            feeds:
              - id: world
                url: feed.xml
                tags: [Europe]
            """, "config.yaml:4:12: error: invalid tag 'Europe' in feed 'world': use lowercase letters, digits, '-' and '_'" },
        { "bad cron", """
            feeds:
              - id: world
                url: feed.xml
                cron: "0 0/5 * * *"
            """, "config.yaml:4:11: error: invalid cron expression '0 0/5 * * *' for feed 'world': Cron expression '0 0/5 * * *' has 5 fields, which is the Unix/crontab form; Quartz cron has 6 or 7 fields with seconds first" },
        { "every and cron", """
            feeds:
              - id: world
                url: feed.xml
                every: 5m
                cron: "0 0/5 * * * ?"
            """, "config.yaml:5:5: error: feed 'world' sets both 'every' and 'cron'; keep one" },
        { "rule references", Feed + "\n" + Subscriber + "\n" + """
            rules:
              - id: border
                query: troops AND border
                feeds: [wrld, "tag:europe"]
                notify: [opps]
            """, """
            config.yaml:10:13: error: rule 'border' refers to unknown feed 'wrld'; did you mean 'world'?
            config.yaml:10:19: error: rule 'border' refers to tag 'europe', which no feed has
            config.yaml:11:14: error: rule 'border' notifies unknown subscriber 'opps'; did you mean 'ops'?
            """ },
        { "rule with empty feeds", Feed + "\n" + Subscriber + "\n" + """
            rules:
              - id: border
                query: troops
                feeds: []
                notify: [ops]
            """, "config.yaml:10:5: error: rule 'border' has an empty feeds list; remove 'feeds' to watch every feed" },
        { "rule without query", Subscriber + "\n" + """
            rules:
              - id: border
                notify: [ops]
            """, "config.yaml:5:5: error: rule 'border' has no query" },
        { "unknown operator", Subscriber + "\n" + """
            settings:
              alerts:
                operators: [ops, oncall]
            """, "config.yaml:6:22: error: settings.alerts.operators names unknown subscriber 'oncall'" },
        { "subscriber without channel", """
            subscribers:
              - id: ops
                digest: immediate
            """, "config.yaml:2:5: error: subscriber 'ops' has neither email nor webhook" },
        { "bad email", """
            subscribers:
              - id: ops
                email: [ops@example.org, "ops at example.org"]
            """, "config.yaml:3:30: error: invalid email address 'ops at example.org' for subscriber 'ops'" },
        { "webhook url scheme", """
            subscribers:
              - id: hook
                webhook:
                  url: ftp://hooks.example.org/x
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
            """, "config.yaml:4:12: error: invalid URL 'ftp://hooks.example.org/x' for the webhook of subscriber 'hook': expected an http or https URL" },
        { "webhook secret not whsec", """
            subscribers:
              - id: hook
                webhook:
                  url: https://hooks.example.org/x
                  secrets: [whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw, "whsec_not base64!"]
            """, "config.yaml:5:57: error: invalid secret for the webhook of subscriber 'hook': expected 'whsec_' followed by base64" },
        { "webhook secret and secrets", """
            subscribers:
              - id: hook
                webhook:
                  url: https://hooks.example.org/x
                  secret: whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw
                  secrets: [whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw]
            """, "config.yaml:6:7: error: the webhook of subscriber 'hook' sets both 'secret' and 'secrets'; keep one" },
        { "webhook without secret", """
            subscribers:
              - id: hook
                webhook:
                  url: https://hooks.example.org/x
            """, "config.yaml:4:7: error: the webhook of subscriber 'hook' has no secret; set 'secret' to a 'whsec_' key" },
        { "bad timezone", """
            subscribers:
              - id: ops
                email: ops@example.org
                timezone: Europe/Londn
            """, "config.yaml:4:15: error: unknown time zone 'Europe/Londn' for subscriber 'ops': expected an IANA name such as Europe/London or UTC" },
        { "bad digest", """
            subscribers:
              - id: ops
                email: ops@example.org
                digest: hourly
            """, "config.yaml:4:13: error: invalid digest 'hourly': expected 'immediate', 'every <duration of 1m or more>', 'daily HH:MM' or 'weekly mon HH:MM' (in subscriber 'ops')" },
        { "unset environment variable", """
            settings:
              smtp:
                password: "pw-${SMTP_PASSWORD}"
            """, "config.yaml:3:19: error: environment variable SMTP_PASSWORD is not set" },
        { "invalid YAML", """
            settings:
              polling:
                timeout: 30s
               maxRedirects: 5
            """, "config.yaml:4:4: error: invalid YAML: While parsing a block mapping, did not find expected key" },
        { "empty value", """
            settings:
              polling:
                timeout:
            """, "config.yaml:3:13: error: settings.polling.timeout has no value" },
        { "duplicate key", """
            settings:
              polling:
                timeout: 5s
                timeout: 10s
            """, "config.yaml:4:5: error: invalid YAML: key 'timeout' appears twice in the same mapping" },
        { "two documents", """
            feeds: []
            ---
            rules: []
            """, "config.yaml:3:1: error: a config file holds one YAML document; move the others to files of their own" },
    };
}
