using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Rows of the <c>outbox</c> table: queueing a draft and reading a claimed message back.</summary>
internal static class SqliteOutbox
{
    public const string Columns = "id, payload, channel, attempts, created_at, due_at";

    /// <returns>1 when queued, 0 when the same alert was already queued for the channel.</returns>
    public static async Task<int> InsertAsync(SqliteConnection connection, SqliteTransaction tx, OutboxDraft draft, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO outbox (alert_id, subscriber_id, channel, payload, attempts, created_at, due_at)
            VALUES ($alert, $subscriber, $channel, $payload, 0, $now, $due)
            ON CONFLICT (alert_id, channel) DO NOTHING
            """;
        command.Parameters.AddWithValue("$alert", draft.Alert.AlertId);
        command.Parameters.AddWithValue("$subscriber", draft.Alert.SubscriberId);
        command.Parameters.AddWithValue("$channel", DeliveryChannelNames.Name(draft.Channel));
        command.Parameters.AddWithValue("$payload", AlertPayload.Serialize(draft.Alert));
        command.Parameters.AddWithValue("$now", now);
        command.Parameters.AddWithValue("$due", draft.DueAt.ToUnixTimeMilliseconds());
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

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
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(4)),
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5))), id, null);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException)
        {
            return (null, id, $"unreadable outbox row: {ex.Message}");
        }
    }
}
