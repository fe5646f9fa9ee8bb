using System.Data.Common;
using Npgsql;
using NpgsqlTypes;

namespace Aggregator.Storage.Postgres;

/// <summary>Rows of the <c>outbox</c> table: queueing drafts and reading a claimed message back.</summary>
internal static class PostgresOutbox
{
    public const string Columns = "id, payload, channel, attempts, created_at, due_at, pending_recipients";

    /// <summary>Queues every draft in one statement.</summary>
    /// <returns>The number queued; a draft whose alert is already queued for the channel adds nothing.</returns>
    public static async Task<int> InsertAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<OutboxDraft> drafts, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0) return 0;
        await using var command = new NpgsqlCommand("""
            INSERT INTO outbox (alert_id, subscriber_id, channel, payload, attempts, created_at, due_at)
            SELECT d.alert_id, d.subscriber_id, d.channel, d.payload, 0, @now, d.due_at
            FROM unnest(@alerts, @subscribers, @channels, @payloads, @dues) AS d (alert_id, subscriber_id, channel, payload, due_at)
            ON CONFLICT (alert_id, channel) DO NOTHING
            """, connection, tx);
        PostgresFeedStates.AddTime(command.Parameters, "now", now);
        command.Parameters.Add(Array("alerts", drafts.Select(d => d.Alert.AlertId)));
        command.Parameters.Add(Array("subscribers", drafts.Select(d => d.Alert.SubscriberId)));
        command.Parameters.Add(Array("channels", drafts.Select(d => DeliveryChannelNames.Name(d.Channel))));
        command.Parameters.Add(Array("payloads", drafts.Select(d => AlertPayload.Serialize(d.Alert))));
        command.Parameters.Add(new NpgsqlParameter<DateTimeOffset[]>("dues", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
        {
            TypedValue = [.. drafts.Select(d => d.DueAt.ToUniversalTime())],
        });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static NpgsqlParameter<string[]> Array(string name, IEnumerable<string> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    /// <summary>Reads a claimed row; a row that cannot be read gives its id and the reason instead.</summary>
    public static (OutboxMessage? Message, long Id, string? Error) Read(DbDataReader r)
    {
        var id = r.GetInt64(0);
        try
        {
            return (new OutboxMessage(
                id,
                AlertPayload.Deserialize(r.GetString(1)),
                DeliveryChannelNames.Parse(r.GetString(2)),
                r.GetInt32(3),
                r.GetFieldValue<DateTimeOffset>(4),
                r.GetFieldValue<DateTimeOffset>(5),
                OutboxRecipients.Parse(r.IsDBNull(6) ? null : r.GetString(6))), id, null);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException)
        {
            return (null, id, $"unreadable outbox row: {ex.Message}");
        }
    }
}
