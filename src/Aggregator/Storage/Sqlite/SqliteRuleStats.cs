using Microsoft.Data.Sqlite;

namespace Aggregator.Storage.Sqlite;

internal static class SqliteRuleStats
{
    public static async Task CountAsync(SqliteConnection connection, SqliteTransaction tx, string ruleId, long now, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = """
            INSERT INTO rule_stats (rule_id, matches, last_match_at) VALUES ($rule, 1, $now)
            ON CONFLICT (rule_id) DO UPDATE SET matches = rule_stats.matches + 1, last_match_at = excluded.last_match_at
            """;
        command.Parameters.AddWithValue("$rule", ruleId);
        command.Parameters.AddWithValue("$now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
