using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>
/// The <c>poll_schedule</c> table, a cluster's shared schedule: any node claims the feeds that are due with one statement
/// (<c>FOR UPDATE SKIP LOCKED</c>, so nodes never wait on each other), under a lease timed by the database's clock, and the
/// poll's own commit moves the feed on (<see cref="Advance"/>). A node that dies holds its feeds only until its leases run out.
/// </summary>
internal static class PostgresPollSchedule
{
    /// <summary>A feed as the config schedules it: an interval, or a cron expression with its first fire.</summary>
    /// <param name="FirstDue">When a new feed is first due: a cron feed's first fire; null for an interval feed, due after <paramref name="Spread"/>.</param>
    public sealed record Entry(string FeedId, string Signature, TimeSpan? Every, string? Cron, DateTimeOffset? FirstDue, TimeSpan Spread);

    /// <summary>A feed claimed by <see cref="ClaimAsync"/>, with the database's time of the claim.</summary>
    public sealed record Claim(string FeedId, Guid Token, DateTimeOffset Due, DateTimeOffset Now, string? Cron, FeedState? State);

    /// <summary>
    /// Adds the feeds not scheduled yet, changes those whose schedule changed (keeping their due time, so a reload causes no
    /// burst), and removes the rest, in one transaction. The caller holds the schedule lock, so nodes apply one at a time.
    /// </summary>
    public static async Task<(int Added, int Changed, int Removed)> ApplyAsync(NpgsqlDataSource source, IReadOnlyList<Entry> entries, CancellationToken cancellationToken)
    {
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        int added = 0, changed = 0;
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO poll_schedule (feed_id, signature, every, cron, due_at)
            SELECT e.feed_id, e.signature, e.every, e.cron, COALESCE(e.first_due, now() + e.spread)
            FROM unnest(@ids, @signatures, @everies, @crons, @firstDues, @spreads) AS e (feed_id, signature, every, cron, first_due, spread)
            ON CONFLICT (feed_id) DO UPDATE SET signature = excluded.signature, every = excluded.every, cron = excluded.cron
            WHERE poll_schedule.signature <> excluded.signature
            RETURNING xmax = 0
            """, connection, tx))
        {
            var p = upsert.Parameters;
            p.Add(PostgresValues.TextArray("ids", entries.Select(e => e.FeedId)));
            p.Add(PostgresValues.TextArray("signatures", entries.Select(e => e.Signature)));
            p.Add(new NpgsqlParameter<TimeSpan?[]>("everies", NpgsqlDbType.Array | NpgsqlDbType.Interval) { TypedValue = [.. entries.Select(e => e.Every)] });
            p.Add(new NpgsqlParameter<string?[]>("crons", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. entries.Select(e => e.Cron)] });
            p.Add(new NpgsqlParameter<DateTime?[]>("firstDues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
            {
                TypedValue = [.. entries.Select(e => e.FirstDue?.UtcDateTime)],
            });
            p.Add(new NpgsqlParameter<TimeSpan[]>("spreads", NpgsqlDbType.Array | NpgsqlDbType.Interval) { TypedValue = [.. entries.Select(e => e.Spread)] });
            await using var reader = await upsert.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                if (reader.GetBoolean(0)) added++;
                else changed++;
            }
        }
        int removed;
        await using (var delete = new NpgsqlCommand("DELETE FROM poll_schedule WHERE NOT (feed_id = ANY(@ids))", connection, tx))
        {
            delete.Parameters.Add(PostgresValues.TextArray("ids", entries.Select(e => e.FeedId)));
            removed = await delete.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return (added, changed, removed);
    }

    /// <summary>
    /// Claims up to <paramref name="max"/> feeds due within <paramref name="ahead"/> that no live lease holds, earliest first,
    /// each under a new token for <paramref name="lease"/>, with the feed's state: one statement for the whole batch.
    /// </summary>
    public static async Task<IReadOnlyList<Claim>> ClaimAsync(
        NpgsqlDataSource source, int max, TimeSpan ahead, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand($"""
            WITH due AS (
                SELECT feed_id FROM poll_schedule
                WHERE due_at <= now() + @ahead AND (leased_until IS NULL OR leased_until < now())
                ORDER BY due_at
                LIMIT @max
                FOR UPDATE SKIP LOCKED),
            claimed AS (
                UPDATE poll_schedule s SET lease_token = gen_random_uuid(), leased_until = now() + @lease
                FROM due WHERE s.feed_id = due.feed_id
                RETURNING s.feed_id, s.lease_token, s.due_at, s.cron)
            SELECT {StateColumns}, c.feed_id, c.lease_token, c.due_at, now(), c.cron
            FROM claimed c LEFT JOIN feed_state f ON f.feed_id = c.feed_id
            ORDER BY c.due_at
            """);
        command.Parameters.AddWithValue("ahead", ahead);
        command.Parameters.AddWithValue("max", max);
        command.Parameters.AddWithValue("lease", lease);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claims = new List<Claim>();
        var at = StateColumnCount;
        while (await reader.ReadAsync(cancellationToken))
        {
            var state = reader.IsDBNull(0) ? null : StoredRows.FeedState(reader, PostgresValues.ReadTime);
            claims.Add(new Claim(
                reader.GetString(at), reader.GetGuid(at + 1), reader.GetFieldValue<DateTimeOffset>(at + 2), reader.GetFieldValue<DateTimeOffset>(at + 3),
                reader.IsDBNull(at + 4) ? null : reader.GetString(at + 4), state));
        }
        return claims;
    }

    /// <summary>Extends the leases of the feeds a live node still waits for or polls.</summary>
    public static async Task RenewAsync(NpgsqlDataSource source, IReadOnlyCollection<Guid> tokens, TimeSpan lease, CancellationToken cancellationToken)
    {
        if (tokens.Count == 0) return;
        await using var command = source.CreateCommand("UPDATE poll_schedule SET leased_until = now() + @lease WHERE lease_token = ANY(@tokens)");
        command.Parameters.AddWithValue("lease", lease);
        command.Parameters.Add(Tokens(tokens));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Lets go of the claims that still hold their rows, leaving the feeds due as they were.</summary>
    public static async Task ReleaseAsync(NpgsqlDataSource source, IReadOnlyCollection<Guid> tokens, CancellationToken cancellationToken)
    {
        if (tokens.Count == 0) return;
        await using var command = source.CreateCommand("UPDATE poll_schedule SET lease_token = NULL, leased_until = NULL WHERE lease_token = ANY(@tokens)");
        command.Parameters.Add(Tokens(tokens));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Makes the feed due now (an operator's "poll now"); false when it is not scheduled.</summary>
    public static async Task<bool> DueNowAsync(NpgsqlDataSource source, string feedId, CancellationToken cancellationToken)
    {
        await using var command = source.CreateCommand("UPDATE poll_schedule SET due_at = now() WHERE feed_id = @feed");
        command.Parameters.AddWithValue("feed", feedId);
        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }

    /// <summary>
    /// The poll's last statement, in its commit: the feed's next due time, and the lease let go. An interval feed is next due
    /// one interval after this due time, or one interval from now when the poll ran so late that this is already past; a cron
    /// feed at the fire the claimer worked out. A lease lost meanwhile (the node stalled past it and another claimed the
    /// feed) matches no row and leaves the new holder's schedule alone; the seen keys keep the overlapping poll harmless.
    /// </summary>
    public static NpgsqlBatchCommand Advance(ScheduleLease lease)
    {
        var command = new NpgsqlBatchCommand("""
            UPDATE poll_schedule SET
                due_at = COALESCE(@next, CASE WHEN due_at + every > now() THEN due_at + every ELSE now() + every END, now() + interval '1 minute'),
                lease_token = NULL, leased_until = NULL
            WHERE feed_id = @feed AND lease_token = @token
            """);
        PostgresValues.AddTime(command.Parameters, "next", lease.NextCronFire);
        command.Parameters.AddWithValue("feed", lease.FeedId);
        command.Parameters.AddWithValue("token", lease.Token);
        return command;
    }

    private static NpgsqlParameter<Guid[]> Tokens(IReadOnlyCollection<Guid> tokens) =>
        new("tokens", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. tokens] };

    private static readonly int StateColumnCount = StoredRows.FeedStateColumns.Split(", ").Length;

    private static readonly string StateColumns = string.Join(", ", StoredRows.FeedStateColumns.Split(", ").Select(c => $"f.{c}"));
}
