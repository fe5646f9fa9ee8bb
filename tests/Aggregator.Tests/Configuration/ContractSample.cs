namespace Aggregator.Tests.Configuration;

/// <summary>The configuration example of the operator contract, section 2, verbatim.</summary>
internal static class ContractSample
{
    public const string Yaml = """
        settings:
          storage:
            provider: sqlite                  # sqlite (default, file under ./data) | postgres
            connectionString: "Data Source=data/aggregator.db"
          scheduler:
            clustered: false                  # true needs provider postgres; several `run` processes share the work
          polling:
            defaultEvery: 15m
            minEvery: 1m                      # floor for every feed's interval
            timeout: 30s                      # whole request, body included
            maxBodySize: 15MiB                # after decompression
            maxRedirects: 5
            perHostConcurrency: 2
          network:
            allowPrivateNetworks: false       # loopback, RFC 1918, link-local, CGNAT, ULA... refused by default
            allowedPrivateNetworks: []        # CIDRs let through anyway, e.g. ["127.0.0.1/32"]
          alerts:
            maxItemAge: 7d                    # older items are recorded, never alerted
            operators: [ops-team]             # subscribers told about failing feeds and dead-lettered deliveries
          telemetry:
            otlpEndpoint: ""                  # OpenTelemetry OTLP endpoint for metrics; empty: off
            logFormat: text                   # text | json
          delivery:
            retryInitial: 30s                 # then exponential backoff with jitter
            retryMax: 1h
            maxAge: 72h                       # then dead-lettered and reported
          smtp:
            host: smtp.example.org            # no host: mail is written as .eml files to pickupDirectory
            port: 587
            security: auto                    # auto | starttls | ssl | none
            username: ${SMTP_USER:-}
            password: ${SMTP_PASSWORD:-}
            from: "Aggregator <alerts@example.org>"
            pickupDirectory: data/mail

        feeds:
          - id: world-news
            url: https://feeds.example.org/world.xml   # http(s) URL, or a file path relative to the config dir
            every: 5m                         # or  cron: "0 0/5 * * * ?"  (Quartz cron)
            tags: [news, europe]
            firstPoll: baseline               # baseline (default): record existing items silently | notify

        rules:
          - id: troops-at-border
            query: troops AND border
            feeds: [world-news, "tag:europe"] # optional; default: every feed
            notify: [ops-team, newsroom-hook]

        subscribers:
          - id: ops-team
            email: [ops@example.org]
            digest: immediate                 # immediate | every 1h | daily 08:00 | weekly mon 08:00
            timezone: Europe/London
          - id: newsroom-hook
            webhook:
              url: https://hooks.example.org/aggregator
              secret: ${NEWSROOM_WEBHOOK_SECRET}   # Standard Webhooks secret, "whsec_" + base64
            digest: immediate
        """;
}
