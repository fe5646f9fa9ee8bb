using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Rows of the <c>outbox</c> table: queueing a draft and reading a claimed message back.</summary>
internal static class SqliteOutbox
{
    public const string Columns = "id, payload, channel, attempts, created_at, due_at, pending_recipients";

    /// <summary>A prepared insert for many drafts in one transaction; <see cref="Insert.RunAsync"/> returns 1 when queued, 0 when already queued.</summary>
    public static Insert Prepare(SqliteConnection connection, SqliteTransaction tx, long now) => new(connection, tx, now);

    internal sealed class Insert : IDisposable
    {
        private readonly SqliteCommand _command;

        public Insert(SqliteConnection connection, SqliteTransaction tx, long now)
        {
            _command = connection.CreateCommand();
            _command.Transaction = tx;
            _command.CommandText = """
                INSERT INTO outbox (alert_id, subscriber_id, channel, payload, attempts, created_at, due_at)
                VALUES ($alert, $subscriber, $channel, $payload, 0, $now, $due)
                ON CONFLICT (alert_id, channel) DO NOTHING
                """;
            foreach (var name in new[] { "$alert", "$subscriber", "$channel", "$payload", "$due" }) _command.Parameters.Add(name, SqliteType.Text);
            _command.Parameters["$due"].SqliteType = SqliteType.Integer;
            _command.Parameters.AddWithValue("$now", now);
        }

        public async Task<int> RunAsync(OutboxDraft draft, CancellationToken cancellationToken)
        {
            var p = _command.Parameters;
            p["$alert"].Value = draft.Alert.AlertId;
            p["$subscriber"].Value = draft.Alert.SubscriberId;
            p["$channel"].Value = DeliveryChannelNames.Name(draft.Channel);
            p["$payload"].Value = AlertPayload.Serialize(draft.Alert);
            p["$due"].Value = draft.DueAt.ToUnixTimeMilliseconds();
            return await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public void Dispose() => _command.Dispose();
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
                DateTimeOffset.FromUnixTimeMilliseconds(r.GetInt64(5)),
                OutboxRecipients.Parse(r.IsDBNull(6) ? null : r.GetString(6))), id, null);
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or FormatException or NotSupportedException)
        {
            return (null, id, $"unreadable outbox row: {ex.Message}");
        }
    }
}
