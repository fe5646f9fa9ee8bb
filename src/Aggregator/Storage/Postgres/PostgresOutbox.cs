using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Queueing drafts in the <c>outbox</c> table (claimed rows are read by <see cref="StoredRows.ClaimAsync"/>).</summary>
internal static class PostgresOutbox
{
    /// <summary>Queues every draft in one statement.</summary>
    /// <returns>The number queued; a draft whose alert is already queued for the channel adds nothing.</returns>
    public static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<OutboxDraft> drafts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0) return 0;
        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox (alert_id, subscriber_id, channel, payload, rule_ids, attempts, created_at, due_at)
            SELECT d.alert_id, d.subscriber_id, d.channel, d.payload, d.rule_ids, 0, @now, d.due_at
            FROM unnest(@alerts, @subscribers, @channels, @payloads, @rules, @dues) AS d (alert_id, subscriber_id, channel, payload, rule_ids, due_at)
            ON CONFLICT (alert_id, channel) DO NOTHING
            """, connection, tx);
        PostgresValues.AddTime(command.Parameters, "now", now);
        command.Parameters.Add(PostgresValues.TextArray("alerts", drafts.Select(d => d.Alert.AlertId)));
        command.Parameters.Add(PostgresValues.TextArray("subscribers", drafts.Select(d => d.Alert.SubscriberId)));
        command.Parameters.Add(PostgresValues.TextArray("channels", drafts.Select(d => DeliveryChannelNames.Name(d.Channel))));
        command.Parameters.Add(PostgresValues.TextArray("payloads", drafts.Select(d => AlertPayload.Serialize(d.Alert))));
        command.Parameters.Add(PostgresValues.TextArray("rules", drafts.Select(d => AlertPayload.RuleIds(d.Alert))));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("dues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = [.. drafts.Select(d => d.DueAt.ToUniversalTime())],
        });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
