using System.Data.Common;
using Aggregator.Core.Alerts;
using Aggregator.Core.Stories;

namespace Aggregator.Storage;

/// <summary>
/// Groups copies of a story inside a poll's commit, on either store (the statements are the same on SQLite and
/// PostgreSQL; only how times are written is the store's own). A story is kept per (subscriber, rule): the alert
/// that first reported it, its print, and the print's lookup keys. A new item that is a candidate for a story of the
/// window (<see cref="StoryPrint.IsCandidate"/>) and compares as the same story is recorded as a copy of it, and that rule
/// does not alert again.
/// </summary>
/// <param name="connection">The commit's connection; every statement runs in its transaction.</param>
internal sealed class StoredStories(DbConnection connection, DbTransaction transaction, Func<DateTimeOffset, object> time)
{
    /// <summary>The most earlier stories one lookup compares a new print with.</summary>
    public const int MaxCandidates = 16;

    /// <summary>The drafts of <paramref name="item"/> still to queue: the rules of each alert that are not a copy of an earlier alert.</summary>
    public async Task<IReadOnlyList<OutboxDraft>> GroupAsync(SeenItem item, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (item.Story is not { } print) return item.Messages;
        var kept = new List<OutboxDraft>(item.Messages.Count);
        foreach (var drafts in item.Messages.GroupBy(d => d.Alert.AlertId, StringComparer.Ordinal))
        {
            var first = drafts.First();
            if (first.StoryWindow is not { } window)
            {
                kept.AddRange(drafts);
                continue;
            }
            var alert = first.Alert;
            var rules = new HashSet<string>(StringComparer.Ordinal);
            foreach (var rule in alert.Rules.Select(r => r.RuleId).Distinct(StringComparer.Ordinal))
            {
                if (await FindAsync(alert.SubscriberId, rule, print, now - window, cancellationToken) is { } story)
                    await AddCopyAsync(alert, rule, story, now, cancellationToken);
                else
                {
                    await AddStoryAsync(alert.SubscriberId, rule, alert.AlertId, print, now, cancellationToken);
                    rules.Add(rule);
                }
            }
            if (rules.Count == 0) continue;
            kept.AddRange(drafts.Select(d => rules.Count == alert.Rules.Count ? d : d with
            {
                Alert = d.Alert with { Rules = [.. d.Alert.Rules.Where(r => rules.Contains(r.RuleId))] },
            }));
        }
        return kept;
    }

    /// <summary>
    /// The story of the window the print belongs to, and how it was recognised. Candidates are the stories whose keys in
    /// common weigh <see cref="StoryPrint.CandidateWeight"/> (<see cref="StoryPrint.IsCandidate"/>, computed here in SQL),
    /// most keys in common first, then the earliest; only the first <see cref="MaxCandidates"/> are read and compared, however
    /// many stories the window holds.
    /// </summary>
    internal async Task<(string AlertId, StoryMatch Match)?> FindAsync(
        string subscriberId, string ruleId, StoryPrint print, DateTimeOffset since, CancellationToken cancellationToken)
    {
        if (print.Keys.Count == 0) return null;
        var keys = string.Join(", ", print.Keys.Select((_, i) => $"@k{i}"));
        var strong = print.StrongKeys == 0 ? "NULL" : string.Join(", ", Enumerable.Range(0, print.StrongKeys).Select(i => $"@k{i}"));
        var weight = $"SUM(CASE WHEN story_key IN ({strong}) THEN {StoryPrint.CandidateWeight} ELSE 1 END)";
        // From the keys to the stories (CROSS JOIN keeps SQLite to that order): only the candidates' rows are read.
        await using var command = Command($"""
            SELECT s.alert_id, s.print
              FROM (SELECT alert_id, {weight} AS shared FROM story_keys
                     WHERE subscriber_id = @subscriber AND rule_id = @rule AND story_key IN ({keys})
                     GROUP BY alert_id HAVING {weight} >= {StoryPrint.CandidateWeight}) AS k
             CROSS JOIN stories s
             WHERE s.subscriber_id = @subscriber AND s.rule_id = @rule AND s.alert_id = k.alert_id AND s.at >= @since
             ORDER BY k.shared DESC, s.at, s.alert_id
             LIMIT {MaxCandidates}
            """, ("subscriber", subscriberId), ("rule", ruleId), ("since", time(since)));
        for (var i = 0; i < print.Keys.Count; i++) Add(command, $"k{i}", print.Keys[i]);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (Read((byte[])reader.GetValue(1)) is not { } earlier) continue;
            if (StoryComparer.Compare(earlier, print) is not StoryMatch.None and var match) return (reader.GetString(0), match);
        }
        return null;
    }

    /// <summary>A stored print, or null for one an earlier version wrote: it is a different story, at worst one more alert.</summary>
    public static StoryPrint? Read(byte[] stored)
    {
        try
        {
            return StoryPrint.FromBytes(stored);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private async Task AddStoryAsync(string subscriberId, string ruleId, string alertId, StoryPrint print, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using (var story = Command("""
            INSERT INTO stories (subscriber_id, rule_id, alert_id, print, at) VALUES (@subscriber, @rule, @alert, @print, @at)
            ON CONFLICT (subscriber_id, rule_id, alert_id) DO NOTHING
            """, ("subscriber", subscriberId), ("rule", ruleId), ("alert", alertId), ("print", print.ToBytes()), ("at", time(now))))
            await story.ExecuteNonQueryAsync(cancellationToken);
        if (print.Keys.Count == 0) return;
        var rows = string.Join(", ", print.Keys.Select((_, i) => $"(@subscriber, @rule, @k{i}, @alert)"));
        await using var keys = Command($"""
            INSERT INTO story_keys (subscriber_id, rule_id, story_key, alert_id) VALUES {rows}
            ON CONFLICT (subscriber_id, rule_id, story_key, alert_id) DO NOTHING
            """, ("subscriber", subscriberId), ("rule", ruleId), ("alert", alertId));
        for (var i = 0; i < print.Keys.Count; i++) Add(keys, $"k{i}", print.Keys[i]);
        await keys.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task AddCopyAsync(Alert copy, string ruleId, (string AlertId, StoryMatch Match) story, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO story_copies (subscriber_id, alert_id, rule_id, copy_alert_id, feed_id, feed_title, item_key, title, link, matched_by, at)
            VALUES (@subscriber, @alert, @rule, @copy, @feed, @feedTitle, @key, @title, @link, @match, @at)
            ON CONFLICT (subscriber_id, alert_id, rule_id, copy_alert_id) DO NOTHING
            """, ("subscriber", copy.SubscriberId), ("alert", story.AlertId), ("rule", ruleId), ("copy", copy.AlertId),
            ("feed", copy.Feed.Id), ("feedTitle", StoredText.Clean(copy.Feed.Title)!), ("key", StoredText.Clean(copy.Item.Key)!),
            ("title", StoredText.Clean(copy.Item.Title)!), ("link", (object?)StoredText.Clean(copy.Item.Link) ?? DBNull.Value),
            ("match", StoryNames.Name(story.Match)), ("at", time(now)));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The copies recorded as of the stories of <paramref name="alertIds"/>, and those that are themselves among them, oldest first.</summary>
    public static async Task<IReadOnlyList<StoryCopy>> CopiesAsync(
        DbConnection connection, IReadOnlyCollection<string> alertIds, ReadTime readTime, CancellationToken cancellationToken)
    {
        var copies = new List<StoryCopy>();
        foreach (var chunk in alertIds.Distinct(StringComparer.Ordinal).Chunk(200))
        {
            var ids = string.Join(", ", chunk.Select((_, i) => $"@a{i}"));
            await using var command = connection.CreateCommand();
            command.CommandText = $"""
                SELECT subscriber_id, rule_id, alert_id, copy_alert_id, feed_id, feed_title, title, link, matched_by, at FROM story_copies
                 WHERE alert_id IN ({ids}) OR copy_alert_id IN ({ids})
                """;
            for (var i = 0; i < chunk.Length; i++) Add(command, $"a{i}", chunk[i]);
            await using var r = await command.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                copies.Add(new StoryCopy(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3),
                    new StorySource(r.GetString(4), r.GetString(5), r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7), readTime(r, 9)!.Value),
                    StoryNames.Parse(r.GetString(8))));
            }
        }
        return [.. copies.DistinctBy(c => (c.RuleId, c.StoryAlertId, c.CopyAlertId)).OrderBy(c => c.Source.At).ThenBy(c => c.CopyAlertId, StringComparer.Ordinal)];
    }

    private DbCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) Add(command, name, value);
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
