using Npgsql;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// The state store on PostgreSQL, shared by every node of a cluster. Every operation takes a pooled
/// connection of its own from one <see cref="NpgsqlDataSource"/>. Correctness never relies on one node
/// polling a feed alone: the seen-key insert decides which poll queues an item's alerts, and the relay's
/// claims skip rows another node holds.
/// </summary>
internal sealed partial class PostgresStateStore : IStateStore
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    public PostgresStateStore(NpgsqlDataSource dataSource, TimeProvider time)
    {
        _dataSource = dataSource;
        _time = time;
        Choices = new StoredChoices(async ct => await dataSource.OpenConnectionAsync(ct), t => t.ToUniversalTime(), PostgresValues.ReadTime, time);
    }

    public ISubscriberChoices Choices { get; }

    /// <exception cref="StateUnavailableException">The server cannot be reached or refuses us: one line naming the database.</exception>
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        try
        {
            await PostgresMigrator.MigrateAsync(_dataSource, _time.GetUtcNow(), cancellationToken);
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            var where = new NpgsqlConnectionStringBuilder(_dataSource.ConnectionString);
            throw new StateUnavailableException(
                $"the PostgreSQL state database {where.Database ?? "(default)"} on {where.Host}:{where.Port} cannot be used: {ex.Message.TrimEnd('.')}", ex);
        }
    }

    public async Task<FeedState?> GetFeedStateAsync(string feedId, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"SELECT {StoredRows.FeedStateColumns} FROM feed_state WHERE feed_id = @feed");
        command.Parameters.AddWithValue("feed", feedId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? StoredRows.FeedState(reader, PostgresValues.ReadTime) : null;
    }

    public async Task SaveFeedStateAsync(FeedState state, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await PostgresFeedStates.SaveAsync(connection, null, state, null, cancellationToken);
    }

    public async Task<IReadOnlyDictionary<string, string?>> FindSeenFingerprintsAsync(string feedId, IReadOnlyCollection<string> keys, CancellationToken cancellationToken)
    {
        if (keys.Count == 0) return new Dictionary<string, string?>();
        var stored = StoredText.ByStoredForm(keys);
        await using var command = _dataSource.CreateCommand("SELECT item_key, fingerprint FROM seen_items WHERE feed_id = @feed AND item_key = ANY(@keys)");
        command.Parameters.AddWithValue("feed", feedId);
        command.Parameters.Add(PostgresValues.TextArray("keys", stored.Select(g => g.Key)));
        return await StoredRows.FingerprintsAsync(command, stored, cancellationToken);
    }

    public async Task<int> CommitPollAsync(PollCommit commit, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        // Keys in one order on every node, so two commits of overlapping keys wait for each other instead of deadlocking.
        var rows = commit.Items.Select(i => (Key: StoredText.Clean(i.Key), i.Fingerprint))
            .DistinctBy(i => i.Key, StringComparer.Ordinal).OrderBy(i => i.Key, StringComparer.Ordinal).ToList();
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        if (rows.Count == 0)
        {
            // Nothing seen (304, unchanged, failed): state and log entry are one batch, atomic in its implicit transaction.
            await PostgresFeedStates.SaveAsync(connection, null, commit.State, commit.Log, cancellationToken, More(commit, new HashSet<string>()));
            return 0;
        }
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var inserted = new HashSet<string>(StringComparer.Ordinal);
        await using (var seen = new NpgsqlCommand("""
            INSERT INTO seen_items (feed_id, item_key, seen_at, fingerprint)
            SELECT @feed, k.key, @now, k.fingerprint FROM unnest(@keys, @fingerprints) WITH ORDINALITY AS k (key, fingerprint, n) ORDER BY k.n
            ON CONFLICT DO NOTHING
            RETURNING item_key
            """, connection, tx))
        {
            seen.Parameters.AddWithValue("feed", commit.State.FeedId);
            PostgresValues.AddTime(seen.Parameters, "now", now);
            seen.Parameters.Add(PostgresValues.TextArray("keys", rows.Select(i => i.Key)));
            seen.Parameters.Add(new NpgsqlParameter<string?[]>("fingerprints", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text)
            {
                TypedValue = [.. rows.Select(i => i.Fingerprint)],
            });
            await using var reader = await seen.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) inserted.Add(reader.GetString(0));
        }
        // Only the poll that records a key first queues its alerts (the first item of that key, as listed);
        // a concurrent or repeated poll of the same item adds nothing.
        var recorded = inserted.ToHashSet(StringComparer.Ordinal);
        var fresh = commit.Items.Where(i => inserted.Remove(StoredText.Clean(i.Key))).ToList();
        var drafts = await GroupStoriesAsync(connection, tx, fresh, now, cancellationToken);
        var queued = await PostgresOutbox.InsertAsync(connection, tx, drafts, now, cancellationToken);
        foreach (var rule in fresh.SelectMany(i => i.RuleIds).Order(StringComparer.Ordinal))
            await PostgresRuleStats.CountAsync(connection, tx, rule, now, cancellationToken);
        await PostgresFeedStates.SaveAsync(connection, tx, commit.State, commit.Log, cancellationToken, More(commit, recorded));
        await tx.CommitAsync(cancellationToken);
        return queued;
    }

    /// <summary>
    /// The drafts left once copies of stories already alerted are recorded (<see cref="StoredStories"/>). Each (subscriber, rule)
    /// grouped here is locked first, in one order on every node, so two nodes committing two copies of one story at once
    /// decide one after the other and send one alert.
    /// </summary>
    private static async Task<List<OutboxDraft>> GroupStoriesAsync(
        NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<SeenItem> fresh, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var grouped = fresh.Where(i => i.Story is not null).SelectMany(i => i.Messages).Where(d => d.StoryWindow is not null)
            .SelectMany(d => d.Alert.Rules.Select(r => $"{d.Alert.SubscriberId}\n{r.RuleId}")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (grouped.Count == 0) return [.. fresh.SelectMany(i => i.Messages)];
        await using (var lockStories = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@space, hashtext(k.pair)) FROM (SELECT pair FROM unnest(@pairs) AS pair ORDER BY pair) AS k", connection, tx))
        {
            lockStories.Parameters.AddWithValue("space", StoryLockSpace);
            lockStories.Parameters.Add(PostgresValues.TextArray("pairs", grouped));
            await lockStories.ExecuteNonQueryAsync(cancellationToken);
        }
        var stories = new StoredStories(connection, tx, t => t.ToUniversalTime());
        var drafts = new List<OutboxDraft>();
        foreach (var item in fresh) drafts.AddRange(await stories.GroupAsync(item, now, cancellationToken));
        return drafts;
    }

    /// <summary>The first key of the story locks (two-key advisory locks never meet the one-key locks of reloads).</summary>
    private const int StoryLockSpace = 0x53545259;

    /// <summary>
    /// The commit's statements after the state and log entry: the item archive's (the items whose keys it recorded first,
    /// <paramref name="recorded"/>, then the feed's pruning), and a claimed feed's next due time.
    /// </summary>
    private IEnumerable<NpgsqlBatchCommand> More(PollCommit commit, IReadOnlySet<string> recorded)
    {
        if (commit.Archive is { } archive)
        {
            foreach (var command in PostgresItemArchive.Insert(archive, recorded)) yield return command;
            yield return PostgresItemArchive.Prune(commit.State.FeedId, archive.Keep, _time.GetUtcNow());
        }
        if (commit.Lease is { } lease) yield return PostgresPollSchedule.Advance(lease);
    }
}
