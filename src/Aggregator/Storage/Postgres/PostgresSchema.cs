namespace Aggregator.Storage.Postgres;

/// <summary>
/// The schema as ordered scripts, the PostgreSQL twin of the SQLite one. A script, once released, never
/// changes: a change is a new script appended to <see cref="Scripts"/>, applied once per database and
/// recorded in <c>schema_version</c>. Times are <c>timestamptz</c>, readable by an operator with psql.
/// </summary>
internal static class PostgresSchema
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        """
        CREATE TABLE feed_state (
            feed_id text NOT NULL PRIMARY KEY,
            etag text,
            last_modified text,
            body_hash text,
            last_poll_at timestamptz,
            last_result text,
            last_http_status integer,
            last_error text,
            consecutive_failures integer NOT NULL DEFAULT 0,
            last_new_item_at timestamptz,
            items_seen bigint NOT NULL DEFAULT 0,
            not_before timestamptz,
            disabled boolean NOT NULL DEFAULT false,
            permanent_redirect text
        );
        CREATE TABLE seen_items (
            feed_id text NOT NULL,
            item_key text NOT NULL,
            seen_at timestamptz NOT NULL,
            PRIMARY KEY (feed_id, item_key)
        );
        CREATE TABLE outbox (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            alert_id text NOT NULL,
            subscriber_id text NOT NULL,
            channel text NOT NULL,
            payload text NOT NULL,
            attempts integer NOT NULL DEFAULT 0,
            created_at timestamptz NOT NULL,
            due_at timestamptz NOT NULL,
            claimed_until timestamptz,
            sent_at timestamptz,
            dead_at timestamptz,
            last_error text,
            UNIQUE (alert_id, channel)
        );
        CREATE INDEX outbox_pending ON outbox (due_at, id) WHERE sent_at IS NULL AND dead_at IS NULL;
        CREATE INDEX outbox_subscriber ON outbox (subscriber_id, channel);
        CREATE TABLE disabled_endpoints (
            subscriber_id text NOT NULL,
            channel text NOT NULL,
            target text NOT NULL,
            disabled_at timestamptz NOT NULL,
            reason text NOT NULL,
            PRIMARY KEY (subscriber_id, channel, target)
        );
        """,
        """
        CREATE TABLE rule_stats (
            rule_id text NOT NULL PRIMARY KEY,
            matches bigint NOT NULL DEFAULT 0,
            last_match_at timestamptz
        );
        """,
        // Since when a seen key has been missing from every parse of its feed; null while the item is in the feed.
        """
        ALTER TABLE seen_items ADD COLUMN absent_since timestamptz;
        """,
        // The addresses of an email still to reach after the server accepted the others; null: all of them.
        """
        ALTER TABLE outbox ADD COLUMN pending_recipients text;
        """,
        // The fingerprint of the item seen under the key (ItemIdentity.Fingerprint); null for keys stored before it was kept.
        """
        ALTER TABLE seen_items ADD COLUMN fingerprint text;
        """,
        // The console's log of each feed's last polls (PollLog.KeptPerFeed). The index, newest first per feed, serves the
        // per-feed reads and the pruning, and covers the strip of every feed's outcomes, which then never reads the table.
        """
        CREATE TABLE poll_log (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            feed_id text NOT NULL,
            polled_at timestamptz NOT NULL,
            outcome text NOT NULL,
            http_status integer,
            bytes_received bigint,
            duration_ms integer NOT NULL,
            new_items integer NOT NULL DEFAULT 0,
            error text,
            final_url text
        );
        CREATE INDEX poll_log_feed ON poll_log (feed_id, polled_at DESC, id DESC) INCLUDE (outcome, http_status);
        """,
        // The alert's rule ids as a JSON array, for the console's filter by rule; filled from the payloads already queued,
        // a payload that is not JSON (the relay dead-letters it) left null rather than failing the upgrade.
        """
        ALTER TABLE outbox ADD COLUMN rule_ids text;
        CREATE FUNCTION pg_temp.alert_rule_ids(payload text) RETURNS text LANGUAGE plpgsql AS $$
        BEGIN
            RETURN (SELECT json_agg(r->>'ruleId')::text FROM jsonb_array_elements(payload::jsonb->'rules') AS r);
        EXCEPTION WHEN others THEN
            RETURN NULL;
        END $$;
        UPDATE outbox SET rule_ids = pg_temp.alert_rule_ids(payload);
        DROP FUNCTION pg_temp.alert_rule_ids(text);
        """,
        // The item archive (IItemArchive): every new item of a poll, for backtests and explanations. The id orders a feed's
        // items newest last for the cap per feed; (feed_id, id) serves that pruning and the reads of some feeds. The body is
        // already deflated: EXTERNAL spares the server compressing it again.
        """
        CREATE TABLE item_archive (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            feed_id text NOT NULL,
            item_key text NOT NULL,
            seen_at timestamptz NOT NULL,
            baseline boolean NOT NULL,
            seen_before boolean NOT NULL,
            published timestamptz,
            title text NOT NULL,
            link text,
            authors text NOT NULL,
            categories text NOT NULL,
            body bytea NOT NULL,
            rule_ids text NOT NULL,
            UNIQUE (feed_id, item_key)
        );
        ALTER TABLE item_archive ALTER COLUMN body SET STORAGE EXTERNAL;
        CREATE INDEX item_archive_feed ON item_archive (feed_id, id);
        """,
        // Changes to config files made through the console (IConsoleStore.RecordConfigChangeAsync); (at) serves the pruning.
        """
        CREATE TABLE config_changes (
            id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            at timestamptz NOT NULL,
            operator text NOT NULL,
            file text NOT NULL,
            mode text NOT NULL,
            outcome text NOT NULL,
            message text,
            settled_at timestamptz,
            diff text NOT NULL
        );
        CREATE INDEX config_changes_at ON config_changes (at);
        """,
        // Subscriber choices (ISubscriberChoices), layered over the config and never written into it. '*' stands for every
        // rule or every address in key columns. A message an unsubscribe or pause stopped before it went out is suppressed_at.
        """
        ALTER TABLE outbox ADD COLUMN suppressed_at timestamptz;
        CREATE TABLE subscriber_unsubscriptions (
            subscriber_id text NOT NULL,
            address text NOT NULL,
            rule_id text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (subscriber_id, address, rule_id)
        );
        CREATE TABLE subscriber_pauses (
            subscriber_id text NOT NULL PRIMARY KEY,
            paused_until timestamptz NOT NULL,
            at timestamptz NOT NULL
        );
        CREATE TABLE subscriber_digests (
            subscriber_id text NOT NULL PRIMARY KEY,
            digest text NOT NULL,
            at timestamptz NOT NULL
        );
        CREATE TABLE subscriber_rules_off (
            subscriber_id text NOT NULL,
            rule_id text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id)
        );
        CREATE TABLE subscriber_mutes (
            subscriber_id text NOT NULL,
            rule_id text NOT NULL,
            kind text NOT NULL,
            value text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id, kind, value)
        );
        CREATE TABLE not_relevant (
            subscriber_id text NOT NULL,
            alert_id text NOT NULL,
            rule_id text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (subscriber_id, alert_id, rule_id)
        );
        CREATE INDEX not_relevant_rule ON not_relevant (rule_id);
        """,
        // Stories (StoredStories): per subscriber and rule, the alert that first reported a story, its print and the print's
        // lookup keys; the copies grouped with it instead of being sent. Kept as long as the outbox's history.
        """
        CREATE TABLE stories (
            subscriber_id text NOT NULL,
            rule_id text NOT NULL,
            alert_id text NOT NULL,
            print bytea NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id, alert_id)
        );
        CREATE INDEX stories_at ON stories (at);
        CREATE TABLE story_keys (
            subscriber_id text NOT NULL,
            rule_id text NOT NULL,
            story_key bigint NOT NULL,
            alert_id text NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id, story_key, alert_id)
        );
        CREATE TABLE story_copies (
            subscriber_id text NOT NULL,
            alert_id text NOT NULL,
            rule_id text NOT NULL,
            copy_alert_id text NOT NULL,
            feed_id text NOT NULL,
            feed_title text NOT NULL,
            item_key text NOT NULL,
            title text NOT NULL,
            link text,
            matched_by text NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (subscriber_id, alert_id, rule_id, copy_alert_id)
        );
        CREATE INDEX story_copies_copy ON story_copies (copy_alert_id);
        CREATE INDEX story_copies_at ON story_copies (at);
        """,
        // The shared schedule of a cluster (PostgresPollSchedule): when each feed is due, and which node's claim holds it.
        // `every` is null for a cron feed, whose next fire the claiming node works out.
        """
        CREATE TABLE poll_schedule (
            feed_id text NOT NULL PRIMARY KEY,
            signature text NOT NULL,
            every interval,
            cron text,
            due_at timestamptz NOT NULL,
            lease_token uuid,
            leased_until timestamptz
        );
        CREATE INDEX poll_schedule_due ON poll_schedule (due_at);
        """,
    ];
}
