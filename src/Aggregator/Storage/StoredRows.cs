using System.Data.Common;

namespace Aggregator.Storage;

/// <summary>How a store reads a time column: unix milliseconds on SQLite, <c>timestamptz</c> on PostgreSQL.</summary>
internal delegate DateTimeOffset? ReadTime(DbDataReader reader, int ordinal);

/// <summary>
/// Row mapping both stores share. Their tables have the same columns in the same order, and each shared
/// query selects them in the same order, so only the reading of times (<see cref="ReadTime"/>) is the store's own.
/// </summary>
internal static class StoredRows
{
    public const string FeedStateColumns =
        "feed_id, etag, last_modified, body_hash, last_poll_at, last_result, last_http_status, last_error, " +
        "consecutive_failures, last_new_item_at, items_seen, not_before, disabled, permanent_redirect";

    /// <summary>What a feed-state upsert sets on conflict, after <c>INSERT INTO feed_state (FeedStateColumns) VALUES (...)</c>.</summary>
    public const string FeedStateUpdate = """
        ON CONFLICT (feed_id) DO UPDATE SET
            etag = excluded.etag, last_modified = excluded.last_modified, body_hash = excluded.body_hash,
            last_poll_at = excluded.last_poll_at, last_result = excluded.last_result,
            last_http_status = excluded.last_http_status, last_error = excluded.last_error,
            consecutive_failures = excluded.consecutive_failures, last_new_item_at = excluded.last_new_item_at,
            items_seen = excluded.items_seen, not_before = excluded.not_before, disabled = excluded.disabled,
            permanent_redirect = excluded.permanent_redirect
        """;

    public const string OutboxColumns = "id, payload, channel, attempts, created_at, due_at, pending_recipients";

    public const string PollLogColumns =
        "feed_id, polled_at, outcome, http_status, bytes_received, duration_ms, new_items, error, final_url";

    /// <summary><see cref="OutboxColumns"/> and what the console shows besides.</summary>
    public const string DeliveryColumns = OutboxColumns + ", subscriber_id, sent_at, dead_at, last_error, suppressed_at";

    /// <summary>The <c>item_archive</c> columns a write sets and a read maps (<see cref="ArchivedItem"/>), in this order.</summary>
    public const string ArchiveColumns =
        "feed_id, item_key, seen_at, baseline, seen_before, published, title, link, authors, categories, body, rule_ids";

    public const string SelectDisabledEndpoints =
        "SELECT subscriber_id, channel, target, disabled_at, reason FROM disabled_endpoints ORDER BY subscriber_id, channel";

    /// <summary>The <c>config_changes</c> columns a read maps (<see cref="ConfigChange"/>), in this order; a write sets all but the id.</summary>
    public const string ConfigChangeColumns = "id, at, operator, file, mode, outcome, message, settled_at, diff";

    /// <summary>Total, accepted, rejected, pending, offered, last change time (<see cref="ConfigChangeCounts"/>).</summary>
    public static readonly string CountConfigChanges = $"""
        SELECT COUNT(*),
            COUNT(*) FILTER (WHERE outcome = '{ConfigChangeNames.Name(ConfigChangeOutcome.Accepted)}'),
            COUNT(*) FILTER (WHERE outcome = '{ConfigChangeNames.Name(ConfigChangeOutcome.Rejected)}'),
            COUNT(*) FILTER (WHERE outcome = '{ConfigChangeNames.Name(ConfigChangeOutcome.Pending)}'),
            COUNT(*) FILTER (WHERE outcome = '{ConfigChangeNames.Name(ConfigChangeOutcome.Offered)}'),
            MAX(at)
        FROM config_changes
        """;

    public const string SelectRuleStats = "SELECT rule_id, matches, last_match_at FROM rule_stats ORDER BY rule_id";

    /// <summary>Every row the command reads, mapped by <paramref name="read"/>.</summary>
    public static async Task<IReadOnlyList<T>> ListAsync<T>(DbCommand command, Func<DbDataReader, T> read, CancellationToken cancellationToken)
    {
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) rows.Add(read(reader));
        return rows;
    }

    /// <summary>
    /// Reads <c>item_key, fingerprint</c> rows of seen keys into the caller's keys they stand for
    /// (<paramref name="stored"/>, from <see cref="StoredText.ByStoredForm"/>), each with its fingerprint.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string?>> FingerprintsAsync(
        DbCommand command, ILookup<string, string> stored, CancellationToken cancellationToken)
    {
        var seen = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var fingerprint = Text(reader, 1);
            foreach (var key in stored[reader.GetString(0)]) seen[key] = fingerprint;
        }
        return seen;
    }

    /// <summary>
    /// Reads the rows a claim statement returns (<see cref="OutboxColumns"/>) in due order. A row no relay can read
    /// is dead-lettered through <paramref name="deadLetter"/>: it would otherwise be claimed and fail on every pass.
    /// </summary>
    public static async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(
        DbCommand claim, ReadTime time, Func<long, string, Task> deadLetter, CancellationToken cancellationToken)
    {
        var claimed = new List<OutboxMessage>();
        var unreadable = new List<(long Id, string Error)>();
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var id = reader.GetInt64(0);
                try
                {
                    claimed.Add(new OutboxMessage(
                        id,
                        AlertPayload.Deserialize(reader.GetString(1)),
                        DeliveryChannelNames.Parse(reader.GetString(2)),
                        reader.GetInt32(3),
                        time(reader, 4)!.Value,
                        time(reader, 5)!.Value,
                        OutboxRecipients.Parse(Text(reader, 6))));
                }
                catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException)
                {
                    unreadable.Add((id, $"unreadable outbox row: {ex.Message}"));
                }
            }
        }
        foreach (var (id, error) in unreadable) await deadLetter(id, error);
        return [.. claimed.OrderBy(m => m.DueAt).ThenBy(m => m.Id)];
    }

    public static FeedState FeedState(DbDataReader r, ReadTime time) => new()
    {
        FeedId = r.GetString(0),
        ETag = Text(r, 1),
        LastModified = Text(r, 2),
        BodyHash = Text(r, 3),
        LastPollAt = time(r, 4),
        LastResult = Text(r, 5) is { } result ? PollOutcomeNames.Parse(result) : null,
        LastHttpStatus = r.IsDBNull(6) ? null : r.GetInt32(6),
        LastError = Text(r, 7),
        ConsecutiveFailures = r.GetInt32(8),
        LastNewItemAt = time(r, 9),
        ItemsSeen = r.GetInt64(10),
        NotBefore = time(r, 11),
        // An integer 0/1 on SQLite, a boolean on PostgreSQL.
        Disabled = Convert.ToBoolean(r.GetValue(12), System.Globalization.CultureInfo.InvariantCulture),
        PermanentRedirect = Text(r, 13),
    };

    /// <summary>
    /// A row of the delivery-counts query: subscriber, channel, queued, sent, failed, dead, last sent, last error,
    /// the JSON array of addresses still waited for, and suppressed.
    /// </summary>
    public static DeliveryCounts DeliveryCounts(DbDataReader r, ReadTime time) => new(
        r.GetString(0), DeliveryChannelNames.Parse(r.GetString(1)),
        r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
        time(r, 6), Text(r, 7), OutboxRecipients.Addresses(Text(r, 8)), r.GetInt32(9));

    public static DisabledEndpoint DisabledEndpoint(DbDataReader r, ReadTime time) => new(
        r.GetString(0), DeliveryChannelNames.Parse(r.GetString(1)), r.GetString(2), time(r, 3)!.Value, r.GetString(4));

    public static RuleStats RuleStats(DbDataReader r, ReadTime time) => new(r.GetString(0), r.GetInt64(1), time(r, 2));

    public static PollLogEntry PollLogEntry(DbDataReader r, ReadTime time) => new(
        r.GetString(0), time(r, 1)!.Value, PollOutcomeNames.Parse(r.GetString(2)),
        r.IsDBNull(3) ? null : r.GetInt32(3), r.IsDBNull(4) ? null : r.GetInt64(4),
        TimeSpan.FromMilliseconds(r.GetInt32(5)), r.GetInt32(6), Text(r, 7), Text(r, 8));

    public static ConfigChange ConfigChange(DbDataReader r, ReadTime time) => new(
        r.GetInt64(0), time(r, 1)!.Value, r.GetString(2), r.GetString(3),
        r.GetString(8), ConfigChangeNames.ParseMode(r.GetString(4)), ConfigChangeNames.ParseOutcome(r.GetString(5)), Text(r, 6), time(r, 7));

    public static ConfigChangeCounts ConfigChangeCounts(DbDataReader r, ReadTime time) => new(
        r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), time(r, 5));

    /// <summary>A row of feed id, poll time, outcome and HTTP status.</summary>
    public static (string FeedId, RecentPoll Poll) RecentPoll(DbDataReader r, ReadTime time) =>
        (r.GetString(0), new RecentPoll(time(r, 1)!.Value, PollOutcomeNames.Parse(r.GetString(2)), r.IsDBNull(3) ? null : r.GetInt32(3), r.GetInt32(4)));

    /// <summary>Rows of <see cref="RecentPoll"/> ordered by feed, grouped per feed in that order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<RecentPoll>> ByFeed(IEnumerable<(string FeedId, RecentPoll Poll)> rows) =>
        rows.GroupBy(p => p.FeedId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<RecentPoll>)[.. g.Select(p => p.Poll)], StringComparer.Ordinal);

    /// <summary>
    /// A row of <see cref="DeliveryColumns"/>. A payload no relay can read gives a null alert rather than failing the
    /// whole list: the console is where an operator looks at such a row.
    /// </summary>
    public static DeliveryRecord DeliveryRecord(DbDataReader r, ReadTime time)
    {
        Core.Alerts.Alert? alert;
        try
        {
            alert = AlertPayload.Deserialize(r.GetString(1));
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException)
        {
            alert = null;
        }
        var sentAt = time(r, 8);
        var deadAt = time(r, 9);
        var lastError = Text(r, 10);
        var status = sentAt is not null ? DeliveryStatus.Sent
            : time(r, 11) is not null ? DeliveryStatus.Suppressed
            : deadAt is not null ? DeliveryStatus.Dead
            : lastError is not null ? DeliveryStatus.Retrying
            : DeliveryStatus.Queued;
        return new DeliveryRecord(
            r.GetInt64(0), r.GetString(7), alert, DeliveryChannelNames.Parse(r.GetString(2)), status, r.GetInt32(3),
            time(r, 4)!.Value, time(r, 5)!.Value, sentAt, deadAt, lastError, OutboxRecipients.Parse(Text(r, 6)));
    }

    /// <summary>The SQL condition on <c>outbox</c> columns for <paramref name="status"/>, as <see cref="DeliveryRecord"/> derives it.</summary>
    public static string DeliveryStatusCondition(DeliveryStatus status) => status switch
    {
        DeliveryStatus.Queued => "sent_at IS NULL AND dead_at IS NULL AND suppressed_at IS NULL AND last_error IS NULL",
        DeliveryStatus.Retrying => "sent_at IS NULL AND dead_at IS NULL AND suppressed_at IS NULL AND last_error IS NOT NULL",
        DeliveryStatus.Sent => "sent_at IS NOT NULL",
        DeliveryStatus.Dead => "sent_at IS NULL AND dead_at IS NOT NULL",
        DeliveryStatus.Suppressed => "suppressed_at IS NOT NULL",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown delivery status"),
    };

    /// <summary>
    /// The refusals of a replay: the ids asked for that were not replayed, each with why (<paramref name="found"/>: the
    /// ones that exist, and whether each is dead and whether its endpoint is disabled).
    /// </summary>
    public static IReadOnlyList<ReplayRefusal> Refusals(
        IEnumerable<long> asked, IReadOnlyDictionary<long, (bool Dead, bool Disabled)> found, IReadOnlySet<long> replayed) =>
    [
        .. asked.Where(id => !replayed.Contains(id)).Select(id => new ReplayRefusal(id,
            !found.TryGetValue(id, out var row) ? ReplayRefusalReason.NotFound
            : !row.Dead ? ReplayRefusalReason.NotDead
            : ReplayRefusalReason.EndpointDisabled)),
    ];

    /// <summary>
    /// The rows of <see cref="ArchiveColumns"/> the command reads, their text decompressed; the published column holds the
    /// item's published, else updated, date. Decompressing is most of the cost of reading a backtest's 100,000 items, so
    /// the rows are read first and decompressed on every core.
    /// </summary>
    public static async Task<IReadOnlyList<Core.Items.ArchivedItem>> ArchivedItemsAsync(DbCommand command, ReadTime time, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(command, r => (Item: ArchivedItem(r, time), Body: r.GetFieldValue<byte[]>(10)), cancellationToken);
        var items = new Core.Items.ArchivedItem[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { CancellationToken = cancellationToken }, i =>
        {
            var (row, body) = rows[i];
            var (summary, content) = ArchivedText.Decompress(body);
            items[i] = row with { Item = row.Item with { Summary = summary, Content = content } };
        });
        return items;
    }

    /// <summary>A row of <see cref="ArchiveColumns"/> without its text (<see cref="ArchivedItemsAsync"/> adds it).</summary>
    private static Core.Items.ArchivedItem ArchivedItem(DbDataReader r, ReadTime time)
    {
        var item = new Core.Items.FeedItem(
            r.GetString(1), null, r.GetString(6), Text(r, 7), time(r, 5), null, string.Empty, string.Empty,
            Strings(r.GetString(8)), Strings(r.GetString(9)));
        return new Core.Items.ArchivedItem(
            r.GetString(0), item, time(r, 2)!.Value,
            Convert.ToBoolean(r.GetValue(3), System.Globalization.CultureInfo.InvariantCulture),
            Convert.ToBoolean(r.GetValue(4), System.Globalization.CultureInfo.InvariantCulture),
            Strings(r.GetString(11)));
    }

    /// <summary>A JSON array of strings; most rows hold an empty one (no rule matched, no category).</summary>
    private static string[] Strings(string json) => json == "[]" ? [] : System.Text.Json.JsonSerializer.Deserialize<string[]>(json) ?? [];

    public static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);
}
