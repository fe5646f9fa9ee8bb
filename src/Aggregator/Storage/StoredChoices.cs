using System.Data;
using System.Data.Common;
using Aggregator.Core.Alerts;

namespace Aggregator.Storage;

/// <summary>
/// Subscribers' choices over either store: the statements are the same on SQLite and PostgreSQL
/// (both take <c>@name</c> parameters and <c>ON CONFLICT</c>); only opening a connection and how times are
/// written (<paramref name="time"/>) and read (<paramref name="readTime"/>) are the store's own.
/// </summary>
internal sealed class StoredChoices(
    Func<CancellationToken, Task<DbConnection>> open, Func<DateTimeOffset, object> time, ReadTime readTime, TimeProvider clock) : ISubscriberChoices
{
    /// <summary>Five result sets: unsubscriptions, pause, digest, rules off, mutes, each ordered by subscriber.</summary>
    private const string SelectChoices = """
        SELECT subscriber_id, address, rule_id, at FROM subscriber_unsubscriptions WHERE @subscriber IS NULL OR subscriber_id = @subscriber ORDER BY subscriber_id, at, address, rule_id;
        SELECT subscriber_id, paused_until FROM subscriber_pauses WHERE @subscriber IS NULL OR subscriber_id = @subscriber ORDER BY subscriber_id;
        SELECT subscriber_id, digest FROM subscriber_digests WHERE @subscriber IS NULL OR subscriber_id = @subscriber ORDER BY subscriber_id;
        SELECT subscriber_id, rule_id FROM subscriber_rules_off WHERE @subscriber IS NULL OR subscriber_id = @subscriber ORDER BY subscriber_id, rule_id;
        SELECT subscriber_id, rule_id, kind, value, at FROM subscriber_mutes WHERE @subscriber IS NULL OR subscriber_id = @subscriber ORDER BY subscriber_id, at, rule_id, kind, value;
        """;

    private static readonly Dictionary<ChoiceKind, string> Tables = new()
    {
        [ChoiceKind.Unsubscription] = "subscriber_unsubscriptions",
        [ChoiceKind.Pause] = "subscriber_pauses",
        [ChoiceKind.Digest] = "subscriber_digests",
        [ChoiceKind.RuleOff] = "subscriber_rules_off",
        [ChoiceKind.Mute] = "subscriber_mutes",
    };

    public async Task<SubscriberChoices> GetChoicesAsync(string subscriberId, CancellationToken cancellationToken) =>
        (await ReadAsync(subscriberId, cancellationToken)).SingleOrDefault() ?? SubscriberChoices.None(subscriberId);

    public Task<IReadOnlyList<SubscriberChoices>> ListChoicesAsync(CancellationToken cancellationToken) => ReadAsync(null, cancellationToken);

    public Task UnsubscribeAsync(string subscriberId, string? address, string? ruleId, CancellationToken cancellationToken) => RunAsync("""
        INSERT INTO subscriber_unsubscriptions (subscriber_id, address, rule_id, at) VALUES (@subscriber, @address, @rule, @at)
        ON CONFLICT (subscriber_id, address, rule_id) DO NOTHING
        """, cancellationToken, ("subscriber", subscriberId), ("address", SubscriberChoiceNames.AddressKey(address)),
        ("rule", SubscriberChoiceNames.Key(ruleId)), ("at", Now));

    public async Task<bool> ResubscribeAsync(string subscriberId, string? address, string? ruleId, CancellationToken cancellationToken) => await RunAsync(
        "DELETE FROM subscriber_unsubscriptions WHERE subscriber_id = @subscriber AND address = @address AND rule_id = @rule",
        cancellationToken, ("subscriber", subscriberId), ("address", SubscriberChoiceNames.AddressKey(address)), ("rule", SubscriberChoiceNames.Key(ruleId))) > 0;

    public Task PauseAsync(string subscriberId, DateTimeOffset until, CancellationToken cancellationToken) => RunAsync("""
        INSERT INTO subscriber_pauses (subscriber_id, paused_until, at) VALUES (@subscriber, @until, @at)
        ON CONFLICT (subscriber_id) DO UPDATE SET paused_until = excluded.paused_until, at = excluded.at
        """, cancellationToken, ("subscriber", subscriberId), ("until", time(until)), ("at", Now));

    public Task<bool> UnpauseAsync(string subscriberId, CancellationToken cancellationToken) => DeleteAsync(ChoiceKind.Pause, subscriberId, cancellationToken);

    public Task SetDigestAsync(string subscriberId, DigestSchedule digest, CancellationToken cancellationToken) => RunAsync("""
        INSERT INTO subscriber_digests (subscriber_id, digest, at) VALUES (@subscriber, @digest, @at)
        ON CONFLICT (subscriber_id) DO UPDATE SET digest = excluded.digest, at = excluded.at
        """, cancellationToken, ("subscriber", subscriberId), ("digest", digest.ToString()), ("at", Now));

    public Task<bool> ClearDigestAsync(string subscriberId, CancellationToken cancellationToken) => DeleteAsync(ChoiceKind.Digest, subscriberId, cancellationToken);

    public Task RuleOffAsync(string subscriberId, string ruleId, CancellationToken cancellationToken) => RunAsync("""
        INSERT INTO subscriber_rules_off (subscriber_id, rule_id, at) VALUES (@subscriber, @rule, @at)
        ON CONFLICT (subscriber_id, rule_id) DO NOTHING
        """, cancellationToken, ("subscriber", subscriberId), ("rule", ruleId), ("at", Now));

    public async Task<bool> RuleOnAsync(string subscriberId, string ruleId, CancellationToken cancellationToken) => await RunAsync(
        "DELETE FROM subscriber_rules_off WHERE subscriber_id = @subscriber AND rule_id = @rule",
        cancellationToken, ("subscriber", subscriberId), ("rule", ruleId)) > 0;

    public Task MuteAsync(string subscriberId, string? ruleId, MuteKind kind, string value, CancellationToken cancellationToken) => RunAsync("""
        INSERT INTO subscriber_mutes (subscriber_id, rule_id, kind, value, at) VALUES (@subscriber, @rule, @kind, @value, @at)
        ON CONFLICT (subscriber_id, rule_id, kind, value) DO NOTHING
        """, cancellationToken, ("subscriber", subscriberId), ("rule", SubscriberChoiceNames.Key(ruleId)),
        ("kind", SubscriberChoiceNames.Name(kind)), ("value", StoredText.Clean(SubscriberChoiceNames.MuteValue(kind, value))!), ("at", Now));

    public async Task<bool> UnmuteAsync(string subscriberId, string? ruleId, MuteKind kind, string value, CancellationToken cancellationToken) => await RunAsync(
        "DELETE FROM subscriber_mutes WHERE subscriber_id = @subscriber AND rule_id = @rule AND kind = @kind AND value = @value",
        cancellationToken, ("subscriber", subscriberId), ("rule", SubscriberChoiceNames.Key(ruleId)),
        ("kind", SubscriberChoiceNames.Name(kind)), ("value", StoredText.Clean(SubscriberChoiceNames.MuteValue(kind, value))!)) > 0;

    public async Task<bool> MarkNotRelevantAsync(string subscriberId, string alertId, string ruleId, CancellationToken cancellationToken) => await RunAsync("""
        INSERT INTO not_relevant (subscriber_id, alert_id, rule_id, at) VALUES (@subscriber, @alert, @rule, @at)
        ON CONFLICT (subscriber_id, alert_id, rule_id) DO NOTHING
        """, cancellationToken, ("subscriber", subscriberId), ("alert", alertId), ("rule", ruleId), ("at", Now)) > 0;

    public async Task<Core.Stories.StoryPrint?> StoryOfAlertAsync(string subscriberId, string alertId, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, "SELECT print FROM stories WHERE subscriber_id = @subscriber AND alert_id = @alert ORDER BY rule_id LIMIT 1",
            ("subscriber", subscriberId), ("alert", alertId));
        return await command.ExecuteScalarAsync(cancellationToken) is byte[] print ? StoredStories.Read(print) : null;
    }

    public async Task<IReadOnlyList<NotRelevantCount>> NotRelevantCountsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT rule_id, COUNT(*) FROM not_relevant GROUP BY rule_id ORDER BY rule_id";
        return await StoredRows.ListAsync(command, r => new NotRelevantCount(r.GetString(0), r.GetInt64(1)), cancellationToken);
    }

    private async Task<bool> DeleteAsync(ChoiceKind kind, string subscriberId, CancellationToken cancellationToken) =>
        await RunAsync($"DELETE FROM {Tables[kind]} WHERE subscriber_id = @subscriber", cancellationToken, ("subscriber", subscriberId)) > 0;

    public async Task<int> LiftChoicesAsync(string subscriberId, ChoiceKind? kind, CancellationToken cancellationToken)
    {
        var tables = kind is { } one ? [Tables[one]] : Tables.Values.ToArray();
        await using var connection = await open(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var lifted = 0;
        foreach (var table in tables)
        {
            await using var command = Command(connection, $"DELETE FROM {table} WHERE subscriber_id = @subscriber", ("subscriber", subscriberId));
            command.Transaction = tx;
            lifted += await command.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
        return lifted;
    }

    private object Now => time(clock.GetUtcNow());

    private async Task<int> RunAsync(string sql, CancellationToken cancellationToken, params (string Name, object Value)[] parameters)
    {
        await using var connection = await open(cancellationToken);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static DbCommand Command(DbConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    private async Task<IReadOnlyList<SubscriberChoices>> ReadAsync(string? subscriberId, CancellationToken cancellationToken)
    {
        await using var connection = await open(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = SelectChoices;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@subscriber";
        parameter.DbType = DbType.String;
        parameter.Value = (object?)subscriberId ?? DBNull.Value;
        command.Parameters.Add(parameter);

        var unsubscriptions = new List<(string Id, Unsubscription Value)>();
        var pauses = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var digests = new Dictionary<string, string>(StringComparer.Ordinal);
        var rulesOff = new List<(string Id, string Rule)>();
        var mutes = new List<(string Id, Mute Value)>();
        await using (var r = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
                unsubscriptions.Add((r.GetString(0), new Unsubscription(SubscriberChoiceNames.FromKey(r.GetString(1)), SubscriberChoiceNames.FromKey(r.GetString(2)), readTime(r, 3)!.Value)));
            await r.NextResultAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) pauses[r.GetString(0)] = readTime(r, 1)!.Value;
            await r.NextResultAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) digests[r.GetString(0)] = r.GetString(1);
            await r.NextResultAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken)) rulesOff.Add((r.GetString(0), r.GetString(1)));
            await r.NextResultAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
                mutes.Add((r.GetString(0), new Mute(SubscriberChoiceNames.FromKey(r.GetString(1)), SubscriberChoiceNames.ParseKind(r.GetString(2)), r.GetString(3), readTime(r, 4)!.Value)));
        }

        var ids = unsubscriptions.Select(u => u.Id).Concat(pauses.Keys).Concat(digests.Keys).Concat(rulesOff.Select(o => o.Id)).Concat(mutes.Select(m => m.Id))
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return [.. ids.Select(id => new SubscriberChoices(
            id,
            [.. unsubscriptions.Where(u => u.Id == id).Select(u => u.Value)],
            pauses.TryGetValue(id, out var until) ? until : null,
            digests.GetValueOrDefault(id),
            [.. rulesOff.Where(o => o.Id == id).Select(o => o.Rule)],
            [.. mutes.Where(m => m.Id == id).Select(m => m.Value)]))];
    }
}
