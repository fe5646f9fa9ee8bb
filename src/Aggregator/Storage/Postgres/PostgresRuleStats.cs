using Npgsql;

namespace Aggregator.Storage.Postgres;

internal static class PostgresRuleStats
{
    public static async Task CountAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string ruleId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO rule_stats (rule_id, matches, last_match_at) VALUES (@rule, 1, @now)
            ON CONFLICT (rule_id) DO UPDATE SET matches = rule_stats.matches + 1, last_match_at = excluded.last_match_at
            """, connection, tx);
        command.Parameters.AddWithValue("rule", ruleId);
        PostgresValues.AddTime(command.Parameters, "now", now);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
