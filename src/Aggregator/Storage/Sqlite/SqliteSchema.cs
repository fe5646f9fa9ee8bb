namespace Aggregator.Storage.Sqlite;

/// <summary>
/// The schema as ordered scripts. A script, once released, never changes: a change is a new script
/// appended to <see cref="Scripts"/>, applied once per database and recorded in <c>schema_version</c>.
/// </summary>
internal static class SqliteSchema
{
    public static IReadOnlyList<string> Scripts { get; } =
    [
        """
        CREATE TABLE feed_state (
            feed_id TEXT NOT NULL PRIMARY KEY,
            etag TEXT,
            last_modified TEXT,
            body_hash TEXT,
            last_poll_at INTEGER,
            last_result TEXT,
            last_http_status INTEGER,
            last_error TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            last_new_item_at INTEGER,
            items_seen INTEGER NOT NULL DEFAULT 0,
            not_before INTEGER,
            disabled INTEGER NOT NULL DEFAULT 0,
            permanent_redirect TEXT
        );
        CREATE TABLE seen_items (
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            PRIMARY KEY (feed_id, item_key)
        ) WITHOUT ROWID;
        CREATE TABLE outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            alert_id TEXT NOT NULL,
            subscriber_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            payload TEXT NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            due_at INTEGER NOT NULL,
            claimed_until INTEGER,
            sent_at INTEGER,
            dead_at INTEGER,
            last_error TEXT,
            UNIQUE (alert_id, channel)
        );
        CREATE INDEX outbox_pending ON outbox (due_at) WHERE sent_at IS NULL AND dead_at IS NULL;
        CREATE INDEX outbox_subscriber ON outbox (subscriber_id, channel);
        CREATE TABLE disabled_endpoints (
            subscriber_id TEXT NOT NULL,
            channel TEXT NOT NULL,
            target TEXT NOT NULL,
            disabled_at INTEGER NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (subscriber_id, channel, target)
        );
        """,
        """
        CREATE TABLE rule_stats (
            rule_id TEXT NOT NULL PRIMARY KEY,
            matches INTEGER NOT NULL DEFAULT 0,
            last_match_at INTEGER
        );
        """,
        // Since when a seen key has been missing from every parse of its feed; null while the item is in the feed.
        """
        ALTER TABLE seen_items ADD COLUMN absent_since INTEGER;
        """,
        // The addresses of an email still to reach after the server accepted the others; null: all of them.
        """
        ALTER TABLE outbox ADD COLUMN pending_recipients TEXT;
        """,
        // The fingerprint of the item seen under the key (ItemIdentity.Fingerprint); null for keys stored before it was kept.
        """
        ALTER TABLE seen_items ADD COLUMN fingerprint TEXT;
        """,
        // The console's log of each feed's last polls (PollLog.KeptPerFeed). The index, newest first per feed, serves the
        // per-feed reads and the pruning, and covers the strip of every feed's outcomes, which then never reads the table.
        """
        CREATE TABLE poll_log (
            id INTEGER PRIMARY KEY,
            feed_id TEXT NOT NULL,
            polled_at INTEGER NOT NULL,
            outcome TEXT NOT NULL,
            http_status INTEGER,
            bytes_received INTEGER,
            duration_ms INTEGER NOT NULL,
            new_items INTEGER NOT NULL DEFAULT 0,
            error TEXT,
            final_url TEXT
        );
        CREATE INDEX poll_log_feed ON poll_log (feed_id, polled_at DESC, id DESC, outcome, http_status);
        """,
        // The alert's rule ids as a JSON array, for the console's filter by rule; filled from the payloads already queued.
        """
        ALTER TABLE outbox ADD COLUMN rule_ids TEXT;
        UPDATE outbox SET rule_ids = (SELECT json_group_array(json_extract(r.value, '$.ruleId')) FROM json_each(outbox.payload, '$.rules') AS r)
         WHERE json_valid(payload) AND json_type(payload, '$.rules') = 'array';
        """,
        // The item archive (IItemArchive): every new item of a poll, for backtests and explanations. The id orders a feed's
        // items newest last for the cap per feed; (feed_id, id) serves that pruning and the reads of some feeds.
        """
        CREATE TABLE item_archive (
            id INTEGER PRIMARY KEY,
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            seen_at INTEGER NOT NULL,
            baseline INTEGER NOT NULL,
            seen_before INTEGER NOT NULL,
            published INTEGER,
            title TEXT NOT NULL,
            link TEXT,
            authors TEXT NOT NULL,
            categories TEXT NOT NULL,
            body BLOB NOT NULL,
            rule_ids TEXT NOT NULL,
            UNIQUE (feed_id, item_key)
        );
        CREATE INDEX item_archive_feed ON item_archive (feed_id, id);
        """,
        // Changes to config files made through the console (IConsoleStore.RecordConfigChangeAsync). AUTOINCREMENT: an id
        // is never reused once pruned, so a page boundary or a link to a change stays valid. The diff comes last, so
        // counting outcomes does not walk its overflow pages; (at) serves the pruning.
        """
        CREATE TABLE config_changes (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at INTEGER NOT NULL,
            operator TEXT NOT NULL,
            file TEXT NOT NULL,
            mode TEXT NOT NULL,
            outcome TEXT NOT NULL,
            message TEXT,
            settled_at INTEGER,
            diff TEXT NOT NULL
        );
        CREATE INDEX config_changes_at ON config_changes (at);
        """,
        // Subscriber choices (ISubscriberChoices), layered over the config and never written into it. '*' stands for every
        // rule or every address in key columns. A message an unsubscribe or pause stopped before it went out is suppressed_at.
        """
        ALTER TABLE outbox ADD COLUMN suppressed_at INTEGER;
        CREATE TABLE subscriber_unsubscriptions (
            subscriber_id TEXT NOT NULL,
            address TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, address, rule_id)
        ) WITHOUT ROWID;
        CREATE TABLE subscriber_pauses (
            subscriber_id TEXT NOT NULL PRIMARY KEY,
            paused_until INTEGER NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE subscriber_digests (
            subscriber_id TEXT NOT NULL PRIMARY KEY,
            digest TEXT NOT NULL,
            at INTEGER NOT NULL
        );
        CREATE TABLE subscriber_rules_off (
            subscriber_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id)
        ) WITHOUT ROWID;
        CREATE TABLE subscriber_mutes (
            subscriber_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            kind TEXT NOT NULL,
            value TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id, kind, value)
        ) WITHOUT ROWID;
        CREATE TABLE not_relevant (
            subscriber_id TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, alert_id, rule_id)
        ) WITHOUT ROWID;
        CREATE INDEX not_relevant_rule ON not_relevant (rule_id);
        """,
        // Stories (StoredStories): per subscriber and rule, the alert that first reported a story, its print and the print's
        // lookup keys; the copies grouped with it instead of being sent. Kept as long as the outbox's history.
        """
        CREATE TABLE stories (
            subscriber_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            print BLOB NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id, alert_id)
        ) WITHOUT ROWID;
        CREATE INDEX stories_at ON stories (at);
        CREATE TABLE story_keys (
            subscriber_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            story_key INTEGER NOT NULL,
            alert_id TEXT NOT NULL,
            PRIMARY KEY (subscriber_id, rule_id, story_key, alert_id)
        ) WITHOUT ROWID;
        CREATE TABLE story_copies (
            subscriber_id TEXT NOT NULL,
            alert_id TEXT NOT NULL,
            rule_id TEXT NOT NULL,
            copy_alert_id TEXT NOT NULL,
            feed_id TEXT NOT NULL,
            feed_title TEXT NOT NULL,
            item_key TEXT NOT NULL,
            title TEXT NOT NULL,
            link TEXT,
            matched_by TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (subscriber_id, alert_id, rule_id, copy_alert_id)
        ) WITHOUT ROWID;
        CREATE INDEX story_copies_copy ON story_copies (copy_alert_id);
        CREATE INDEX story_copies_at ON story_copies (at);
        """,
    ];
}
