using Npgsql;

namespace Aggregator.Storage.Postgres;

internal sealed partial class PostgresStateStore
{
    private const string Pending = "sent_at IS NULL AND dead_at IS NULL AND suppressed_at IS NULL";

    /// <summary>
    /// Selects due, unleased rows, whole groups at a time (see <see cref="IOutbox.ClaimDueAsync"/>), with
    /// <c>FOR UPDATE SKIP LOCKED</c> and leases them in the same statement:
    /// relays on several nodes claim disjoint rows without waiting on each other, and a row whose lease
    /// expired (its node died) is back in the pool. Each claim counts as an attempt.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand($"""
            UPDATE outbox SET claimed_until = @until, attempts = attempts + 1
            WHERE id IN (
                SELECT o.id FROM outbox o
                JOIN (SELECT subscriber_id, channel, due_at FROM outbox
                      WHERE {Pending} AND due_at <= @now AND (claimed_until IS NULL OR claimed_until <= @now)
                      GROUP BY subscriber_id, channel, due_at
                      ORDER BY due_at, MIN(id) LIMIT @limit) g
                  ON o.subscriber_id = g.subscriber_id AND o.channel = g.channel AND o.due_at = g.due_at
                WHERE {Pending} AND (o.claimed_until IS NULL OR o.claimed_until <= @now)
                FOR UPDATE OF o SKIP LOCKED)
            RETURNING {StoredRows.OutboxColumns}
            """);
        PostgresValues.AddTime(command.Parameters, "now", now);
        PostgresValues.AddTime(command.Parameters, "until", now + lease);
        command.Parameters.AddWithValue("limit", limit);
        return await StoredRows.ClaimAsync(command, PostgresValues.ReadTime, (id, error) => DeadLetterAsync(id, now, error, cancellationToken), cancellationToken);
    }

    public async Task<int> QueueAsync(IReadOnlyList<OutboxDraft> drafts, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0) return 0;
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var queued = await PostgresOutbox.InsertAsync(connection, tx, drafts, _time.GetUtcNow(), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return queued;
    }

    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await using var command = _dataSource.CreateCommand($"UPDATE outbox SET claimed_until = NULL WHERE id = ANY(@ids) AND {Pending}");
        command.Parameters.Add(new NpgsqlParameter<long[]>("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Bigint) { TypedValue = [.. ids] });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public Task MarkSentAsync(long id, DateTimeOffset at, string? note, CancellationToken cancellationToken) => note is null
        ? UpdateAsync("UPDATE outbox SET sent_at = @at, claimed_until = NULL WHERE id = @id", id, at, null, null, cancellationToken)
        : UpdateAsync("UPDATE outbox SET sent_at = @at, claimed_until = NULL, last_error = @error WHERE id = @id", id, at, note, null, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset dueAt, string error, IReadOnlyList<string>? recipients, CancellationToken cancellationToken) => recipients is null
        ? UpdateAsync($"UPDATE outbox SET due_at = @at, claimed_until = NULL, last_error = @error WHERE id = @id AND {Pending}", id, dueAt, error, null, cancellationToken)
        : UpdateAsync($"""
            UPDATE outbox SET due_at = @at, claimed_until = NULL, last_error = @error, pending_recipients = @recipients
            WHERE id = @id AND {Pending}
            """, id, dueAt, error, OutboxRecipients.Serialize(recipients), cancellationToken);

    public Task SuppressAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        UpdateAsync($"UPDATE outbox SET suppressed_at = @at, claimed_until = NULL, last_error = @error WHERE id = @id AND {Pending}", id, at, reason, null, cancellationToken);

    public Task DeadLetterAsync(long id, DateTimeOffset at, string error, CancellationToken cancellationToken) =>
        UpdateAsync($"UPDATE outbox SET dead_at = @at, claimed_until = NULL, last_error = @error WHERE id = @id AND {Pending}", id, at, error, null, cancellationToken);

    public async Task<int> DisableEndpointAsync(DisabledEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO disabled_endpoints (subscriber_id, channel, target, disabled_at, reason)
            VALUES (@subscriber, @channel, @target, @at, @reason) ON CONFLICT DO NOTHING
            """, connection, tx))
        {
            AddEndpoint(insert, endpoint.SubscriberId, endpoint.Channel, endpoint.Target);
            PostgresValues.AddTime(insert.Parameters, "at", endpoint.DisabledAt);
            insert.Parameters.AddWithValue("reason", endpoint.Reason);
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var dead = new NpgsqlCommand($"""
            UPDATE outbox SET dead_at = @at, claimed_until = NULL, last_error = @reason
            WHERE subscriber_id = @subscriber AND channel = @channel AND {Pending}
            """, connection, tx);
        AddEndpoint(dead, endpoint.SubscriberId, endpoint.Channel, endpoint.Target);
        PostgresValues.AddTime(dead.Parameters, "at", endpoint.DisabledAt);
        dead.Parameters.AddWithValue("reason", endpoint.Reason);
        var count = await dead.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return count;
    }

    public async Task<bool> IsEndpointDisabledAsync(string subscriberId, DeliveryChannel channel, string target, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(
            "SELECT 1 FROM disabled_endpoints WHERE subscriber_id = @subscriber AND channel = @channel AND target = @target");
        AddEndpoint(command, subscriberId, channel, target);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static void AddEndpoint(NpgsqlCommand command, string subscriberId, DeliveryChannel channel, string target)
    {
        command.Parameters.AddWithValue("subscriber", subscriberId);
        command.Parameters.AddWithValue("channel", DeliveryChannelNames.Name(channel));
        command.Parameters.AddWithValue("target", target);
    }

    private async Task UpdateAsync(string sql, long id, DateTimeOffset at, string? error, string? recipients, CancellationToken cancellationToken)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("id", id);
        PostgresValues.AddTime(command.Parameters, "at", at);
        if (error is not null) PostgresValues.AddText(command.Parameters, "error", error);
        if (recipients is not null) command.Parameters.AddWithValue("recipients", recipients);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
