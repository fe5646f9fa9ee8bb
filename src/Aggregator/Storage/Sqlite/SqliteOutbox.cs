using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

/// <summary>Queueing drafts in the <c>outbox</c> table (claimed rows are read by <see cref="StoredRows.ClaimAsync"/>).</summary>
internal static class SqliteOutbox
{
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
                INSERT INTO outbox (alert_id, subscriber_id, channel, payload, rule_ids, attempts, created_at, due_at)
                VALUES ($alert, $subscriber, $channel, $payload, $rules, 0, $now, $due)
                ON CONFLICT (alert_id, channel) DO NOTHING
                """;
            foreach (var name in new[] { "$alert", "$subscriber", "$channel", "$payload", "$rules", "$due" }) _command.Parameters.Add(name, SqliteType.Text);
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
            p["$rules"].Value = AlertPayload.RuleIds(draft.Alert);
            p["$due"].Value = draft.DueAt.ToUnixTimeMilliseconds();
            return await _command.ExecuteNonQueryAsync(cancellationToken);
        }

        public void Dispose() => _command.Dispose();
    }
}
