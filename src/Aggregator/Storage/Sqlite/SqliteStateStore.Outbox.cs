using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

internal sealed partial class SqliteStateStore
{
    private const string Pending = "sent_at IS NULL AND dead_at IS NULL AND suppressed_at IS NULL";

    public async Task<int> QueueAsync(IReadOnlyList<OutboxDraft> drafts, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var insert = SqliteOutbox.Prepare(connection, tx, now);
        var queued = 0;
        foreach (var draft in drafts) queued += await insert.RunAsync(draft, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return queued;
    }

    /// <summary>Clears every claim; only for the one worker holding the <see cref="SqliteOwnerLock"/>. Returns how many there were.</summary>
    public async Task<int> ReleaseClaimsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"UPDATE outbox SET claimed_until = NULL WHERE claimed_until IS NOT NULL AND {Pending}";
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// One statement selects and leases the rows, whole groups at a time (see <see cref="IOutbox.ClaimDueAsync"/>),
    /// so two relays never claim the same row; a lease that
    /// expires (the relay crashed) puts the row back in the pool. Each claim counts as an attempt.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimDueAsync(DateTimeOffset now, int limit, TimeSpan lease, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = $"""
            UPDATE outbox SET claimed_until = $until, attempts = attempts + 1
            WHERE id IN (
                SELECT o.id FROM outbox o
                JOIN (SELECT subscriber_id, channel, due_at FROM outbox
                      WHERE {Pending} AND due_at <= $now AND (claimed_until IS NULL OR claimed_until <= $now)
                      GROUP BY subscriber_id, channel, due_at
                      ORDER BY due_at, MIN(id) LIMIT $limit) g
                  ON o.subscriber_id = g.subscriber_id AND o.channel = g.channel AND o.due_at = g.due_at
                WHERE {Pending} AND (claimed_until IS NULL OR claimed_until <= $now))
            RETURNING {StoredRows.OutboxColumns}
            """;
        command.Parameters.AddWithValue("$now", now.ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$until", (now + lease).ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$limit", limit);
        return await StoredRows.ClaimAsync(command, SqliteValues.ReadTime, (id, error) => DeadLetterAsync(id, now, error, cancellationToken), cancellationToken);
    }

    public Task MarkSentAsync(long id, DateTimeOffset at, string? note, CancellationToken cancellationToken) => note is null
        ? UpdateAsync("UPDATE outbox SET sent_at = $at, claimed_until = NULL WHERE id = $id", id, at, null, null, cancellationToken)
        : UpdateAsync("UPDATE outbox SET sent_at = $at, claimed_until = NULL, last_error = $error WHERE id = $id", id, at, note, null, cancellationToken);

    public Task RescheduleAsync(long id, DateTimeOffset dueAt, string error, IReadOnlyList<string>? recipients, CancellationToken cancellationToken) => recipients is null
        ? UpdateAsync($"UPDATE outbox SET due_at = $at, claimed_until = NULL, last_error = $error WHERE id = $id AND {Pending}", id, dueAt, error, null, cancellationToken)
        : UpdateAsync($"""
            UPDATE outbox SET due_at = $at, claimed_until = NULL, last_error = $error, pending_recipients = $recipients
            WHERE id = $id AND {Pending}
            """, id, dueAt, error, OutboxRecipients.Serialize(recipients), cancellationToken);

    public Task SuppressAsync(long id, DateTimeOffset at, string reason, CancellationToken cancellationToken) =>
        UpdateAsync($"UPDATE outbox SET suppressed_at = $at, claimed_until = NULL, last_error = $error WHERE id = $id AND {Pending}", id, at, reason, null, cancellationToken);

    public Task DeadLetterAsync(long id, DateTimeOffset at, string error, CancellationToken cancellationToken) =>
        UpdateAsync($"UPDATE outbox SET dead_at = $at, claimed_until = NULL, last_error = $error WHERE id = $id AND {Pending}", id, at, error, null, cancellationToken);

    public async Task ReleaseAsync(IReadOnlyCollection<long> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return;
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = $"UPDATE outbox SET claimed_until = NULL WHERE id = $id AND {Pending}";
        var id = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var value in ids)
        {
            id.Value = value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    }

    public async Task<int> DisableEndpointAsync(DisabledEndpoint endpoint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = """
            INSERT INTO disabled_endpoints (subscriber_id, channel, target, disabled_at, reason)
            VALUES ($subscriber, $channel, $target, $at, $reason) ON CONFLICT DO NOTHING
            """;
        AddEndpoint(insert, endpoint.SubscriberId, endpoint.Channel, endpoint.Target);
        insert.Parameters.AddWithValue("$at", endpoint.DisabledAt.ToUnixTimeMilliseconds());
        insert.Parameters.AddWithValue("$reason", endpoint.Reason);
        await insert.ExecuteNonQueryAsync(cancellationToken);
        using var dead = connection.CreateCommand();
        dead.Transaction = tx;
        dead.CommandText = $"""
            UPDATE outbox SET dead_at = $at, claimed_until = NULL, last_error = $reason
            WHERE subscriber_id = $subscriber AND channel = $channel AND {Pending}
            """;
        AddEndpoint(dead, endpoint.SubscriberId, endpoint.Channel, endpoint.Target);
        dead.Parameters.AddWithValue("$at", endpoint.DisabledAt.ToUnixTimeMilliseconds());
        dead.Parameters.AddWithValue("$reason", endpoint.Reason);
        var count = await dead.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return count;
    }

    public async Task<bool> IsEndpointDisabledAsync(string subscriberId, DeliveryChannel channel, string target, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM disabled_endpoints WHERE subscriber_id = $subscriber AND channel = $channel AND target = $target";
        AddEndpoint(command, subscriberId, channel, target);
        return await command.ExecuteScalarAsync(cancellationToken) is not null;
    }

    private static void AddEndpoint(SqliteCommand command, string subscriberId, DeliveryChannel channel, string target)
    {
        command.Parameters.AddWithValue("$subscriber", subscriberId);
        command.Parameters.AddWithValue("$channel", DeliveryChannelNames.Name(channel));
        command.Parameters.AddWithValue("$target", target);
    }

    private async Task UpdateAsync(string sql, long id, DateTimeOffset at, string? error, string? recipients, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$id", id);
        command.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        if (error is not null) command.Parameters.AddWithValue("$error", SqliteValues.Text(error));
        if (recipients is not null) command.Parameters.AddWithValue("$recipients", recipients);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
